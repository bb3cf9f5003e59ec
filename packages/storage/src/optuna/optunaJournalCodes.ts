/**
 * The numbers of Optuna's JournalStorage log (optuna/storages/journal, Optuna 3.1 and later): every
 * line is one operation `{"op_code": n, "worker_id": ..., ...fields}`, replayed in order.
 */
export const OPTUNA_OP = {
  CREATE_STUDY: 0,
  DELETE_STUDY: 1,
  SET_STUDY_USER_ATTR: 2,
  SET_STUDY_SYSTEM_ATTR: 3,
  CREATE_TRIAL: 4,
  SET_TRIAL_PARAM: 5,
  SET_TRIAL_STATE_VALUES: 6,
  SET_TRIAL_INTERMEDIATE_VALUE: 7,
  SET_TRIAL_USER_ATTR: 8,
  SET_TRIAL_SYSTEM_ATTR: 9,
} as const;

/** `optuna.trial.TrialState`, indexed by its value. */
export const OPTUNA_STATES = ['running', 'complete', 'pruned', 'fail', 'waiting'] as const;
export type OptunaTrialState = (typeof OPTUNA_STATES)[number];

/** `optuna.study.StudyDirection`, indexed by its value (Optuna never writes 0 for a created study). */
export const OPTUNA_DIRECTIONS = ['not-set', 'minimize', 'maximize'] as const;

/** The study system attribute that `Study.set_metric_names` (Optuna 3.2+) writes and `Study.metric_names` reads. */
export const OPTUNA_METRIC_NAMES_ATTR = 'study:metric_names';
