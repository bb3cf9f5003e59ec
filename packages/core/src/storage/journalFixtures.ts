/** The spec of a study as StoredStudy writes it in a `create` entry: one minimised objective, no parameters. */
export const STUDY_SPEC = {
  schema: 1,
  objectives: [{ name: 'loss', direction: 'minimize', cheap: false }],
  optimizer: { id: 'rs', options: {} },
  seed: 0,
  parameters: [],
  fidelityParameters: [],
  graceSeconds: 60,
};
