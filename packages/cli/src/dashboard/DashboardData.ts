import { optimizerColorScale } from '../report/html/optimizerColorScale';
import type { GridState } from './GridSnapshot';
import type { LiveRun } from './LiveRun';
import { LiveRunCache } from './LiveRunCache';
import { parallelCoordinatesSpec } from './parallelCoordinatesSpec';
import { compileVegaLite } from './compileVegaLite';
import { importanceChartSpec } from './importanceChartSpec';
import { readGridState } from './readGridState';
import { taskImportance, type TaskImportance } from './taskImportance';
import { taskView, type SurfacesOf, type TaskView } from './taskView';
import { trialTable, type TrialTable } from './trialTable';

/** Which runs of a task a request asks for: all, one optimizer's, one seed's, or one run. */
export interface RunFilter {
  readonly optimizer?: string;
  readonly seed?: number;
}

/**
 * What the dashboard serves of one results folder (or storage), read again only after it changed
 * (`changed()` bumps the version): every request between two changes is answered from memory.
 */
export class DashboardData {
  private readonly cache = new LiveRunCache();
  private versionNumber = 0;
  private state: { readonly version: number; readonly value: GridState } | undefined;
  private readonly views = new Map<string, Promise<TaskView>>();
  private readonly importances = new Map<string, Promise<{ readonly importance: TaskImportance; readonly vega: object }>>();

  /** `source`: the results folder, or what reads the state of another source (a storage). */
  constructor(
    private readonly source: string | (() => GridState),
    private readonly surfacesOf?: SurfacesOf,
  ) {}

  get version(): number {
    return this.versionNumber;
  }

  /** The folder changed: what was read is stale. */
  changed(): void {
    this.versionNumber += 1;
    this.state = undefined;
    this.views.clear();
    this.importances.clear();
  }

  grid(): GridState {
    if (this.state?.version !== this.versionNumber)
      this.state = { version: this.versionNumber, value: typeof this.source === 'string' ? readGridState(this.source, this.cache) : this.source() };
    return this.state.value;
  }

  hasTask(task: string): boolean {
    return this.grid().snapshot.tasks.some((t) => t.task === task);
  }

  task(task: string): Promise<TaskView> {
    let view = this.views.get(task);
    if (view === undefined) {
      const made = taskView(task, this.runsOf(task), this.colors(), this.surfacesOf);
      // A failure is not kept: the next request tries again rather than failing until the folder changes.
      made.catch(() => {
        if (this.views.get(task) === made) this.views.delete(task);
      });
      view = made;
      this.views.set(task, view);
    }
    return view;
  }

  trials(task: string, filter: RunFilter = {}): TrialTable {
    return trialTable(this.runsOf(task, filter));
  }

  async parallel(task: string, filter: RunFilter = {}): Promise<object> {
    return compileVegaLite(parallelCoordinatesSpec(this.trials(task, filter), this.colors()));
  }

  /** Hyperparameter importance of the runs' trials and its chart, kept until the folder changes (a forest takes a while). */
  importance(task: string, filter: RunFilter = {}): Promise<{ readonly importance: TaskImportance; readonly vega: object }> {
    const key = JSON.stringify([task, filter.optimizer, filter.seed]);
    let made = this.importances.get(key);
    if (made === undefined) {
      const computed = taskImportance(this.runsOf(task, filter)).then(async (importance) => ({
        importance,
        vega: await compileVegaLite(importanceChartSpec(importance)),
      }));
      computed.catch(() => {
        if (this.importances.get(key) === computed) this.importances.delete(key);
      });
      made = computed;
      this.importances.set(key, made);
    }
    return made;
  }

  private runsOf(task: string, filter: RunFilter = {}): LiveRun[] {
    return this.grid().runs.filter(
      ({ header }) =>
        header.task === task &&
        (filter.optimizer === undefined || header.optimizer === filter.optimizer) &&
        (filter.seed === undefined || header.seed === filter.seed),
    );
  }

  /** One colour per optimizer of the grid, the same in every chart and after every update. */
  private colors(): ReturnType<typeof optimizerColorScale> {
    return optimizerColorScale(this.grid().snapshot.optimizers);
  }
}
