export { FileJournalStorage, type FileJournalOptions } from './file/FileJournalStorage';
export { openStorage, STORAGE_URLS, type OpenStorageOptions } from './openStorage';
export { PostgresStorage } from './postgres/PostgresStorage';
export type { GridProgressCounts, GridQueue, QueuedRun } from './grid/GridQueue';
export { PostgresGridQueue } from './postgres/PostgresGridQueue';
export { fromOptunaJournal } from './optuna/fromOptunaJournal';
export type { OptunaStudyData, OptunaTrialData } from './optuna/OptunaStudyData';
export { planOptunaImport, type OptunaImportedTrial, type OptunaImportPlan, type OptunaInferredCondition } from './optuna/planOptunaImport';
export { toOptunaJournal } from './optuna/toOptunaJournal';
