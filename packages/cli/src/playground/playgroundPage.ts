/// <reference lib="dom" />
import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import { cliCommandOf } from './cliCommandOf';
import { PLAYGROUND_DATA, playgroundParetoSpec, playgroundTrajectorySpec, type PlaygroundPoint } from './playgroundChartSpecs';
import type { CatalogBenchmark, CatalogOptimizer, PlaygroundReply, PlaygroundRequest } from './PlaygroundMessages';
import type { PlaygroundStudySpec } from './playgroundStudy';
import { parsePlaygroundForm } from './parsePlaygroundForm';
import { studyPoints, type StudyPoints } from './studyPoints';

/**
 * The playground page: a form for studies, a worker that runs them, charts and a table that follow
 * the trials as the worker posts them. Plain DOM: the page is one form and two charts.
 */

/** One study of the current click, as the page shows it. */
interface StudyRow {
  readonly spec: PlaygroundStudySpec;
  readonly label: string;
  readonly points: StudyPoints;
  readonly lines: string[];
  status: 'waiting' | 'running' | 'finished' | 'failed' | 'stopped';
  message?: string;
  readonly row: HTMLTableRowElement;
}

const element = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const form = element<HTMLFormElement>('study');
const benchmarkSelect = element<HTMLSelectElement>('benchmark');
const instanceSelect = element<HTMLSelectElement>('instance');
const optimizerList = element<HTMLFieldSetElement>('optimizers');
const statusLine = element<HTMLParagraphElement>('status');
const errorLine = element<HTMLParagraphElement>('error');
const runButton = element<HTMLButtonElement>('run');
const stopButton = element<HTMLButtonElement>('stop');
const studyTable = element<HTMLTableSectionElement>('studies');
const trajectoryHost = element<HTMLDivElement>('trajectory');
const paretoHost = element<HTMLDivElement>('pareto');
const paretoFigure = element<HTMLElement>('pareto-figure');

let catalog: { benchmarks: readonly CatalogBenchmark[]; optimizers: readonly CatalogOptimizer[] } | undefined;
let worker = startWorker();
let studies: StudyRow[] = [];
let charts: { trajectory: View; pareto: View | undefined } | undefined;
// Chart updates are chained, so rows reach a view in the order they came.
let drawing: Promise<unknown> = Promise.resolve();

function startWorker(): Worker {
  const started = new Worker(new URL('worker.js', import.meta.url), { type: 'module' });
  started.onmessage = (event: MessageEvent<PlaygroundReply>) => onReply(event.data);
  started.onerror = (event) => showError(`the worker failed: ${event.message}`);
  return started;
}

function onReply(reply: PlaygroundReply): void {
  if (reply.type === 'catalog') {
    catalog = reply;
    fillMenus();
    return;
  }
  if (reply.type === 'idle') {
    setRunning(false);
    statusLine.textContent = `done: ${studies.filter((s) => s.status === 'finished').length} of ${studies.length} studies finished`;
    return;
  }
  const study = studies[reply.study];
  if (study === undefined) return;
  if (reply.type === 'lines') {
    study.status = 'running';
    study.lines.push(...reply.lines);
    const points = study.points.add(reply.lines);
    statusLine.textContent = `running ${study.label}: ${study.points.trials()} trials`;
    draw(study, points);
  } else if (reply.type === 'finished') {
    study.status = 'finished';
  } else {
    study.status = 'failed';
    study.message = reply.message;
  }
  renderRow(study);
}

function fillMenus(): void {
  if (catalog === undefined) return;
  benchmarkSelect.replaceChildren(...catalog.benchmarks.map((b) => option(b.id, `${b.id}: ${b.summary}`)));
  onBenchmarkChange();
  optimizerList.replaceChildren(
    textElement('legend', 'optimizers'),
    ...catalog.optimizers.map((o) => {
      const label = document.createElement('label');
      label.title = o.summary;
      const box = document.createElement('input');
      Object.assign(box, { type: 'checkbox', name: 'optimizer', value: o.id, checked: o.id === 'rs' || o.id === 'tpe' });
      label.append(box, ` ${o.id}`, textElement('small', o.objectives === 'multi' ? ' multi-objective' : o.multiFidelity ? ' multi-fidelity' : ''));
      return label;
    }),
  );
  runButton.disabled = false;
  statusLine.textContent = 'ready';
}

function onBenchmarkChange(): void {
  const benchmark = catalog?.benchmarks.find((b) => b.id === benchmarkSelect.value);
  const instances = benchmark?.instances ?? [];
  instanceSelect.replaceChildren(...(instances.length === 0 ? [option('', '(none)')] : instances.map((i) => option(i, i))));
  instanceSelect.disabled = instances.length === 0;
  if (benchmark?.defaultInstance !== undefined) instanceSelect.value = benchmark.defaultInstance;
}

function onSubmit(event: SubmitEvent): void {
  event.preventDefault();
  showError('');
  const data = new FormData(form);
  let specs: PlaygroundStudySpec[];
  try {
    specs = parsePlaygroundForm({
      benchmark: benchmarkSelect.value,
      instance: instanceSelect.disabled ? '' : instanceSelect.value,
      benchmarkOptions: String(data.get('benchmarkOptions') ?? ''),
      optimizers: data.getAll('optimizer').map(String),
      seeds: String(data.get('seeds') ?? ''),
      budget: String(data.get('budget') ?? ''),
      workers: String(data.get('workers') ?? ''),
    });
  } catch (error) {
    showError((error as Error).message);
    return;
  }
  clearCharts();
  studies = specs.map((spec) => {
    const label = `${spec.optimizer} seed ${spec.seed}`;
    const study: StudyRow = { spec, label, points: studyPoints(label), lines: [], status: 'waiting', row: document.createElement('tr') };
    renderRow(study);
    return study;
  });
  studyTable.replaceChildren(...studies.map((s) => s.row));
  setRunning(true);
  statusLine.textContent = `starting ${studies.length} ${studies.length === 1 ? 'study' : 'studies'}`;
  const request: PlaygroundRequest = { type: 'run', studies: specs };
  worker.postMessage(request);
}

/** Stop ends the worker (a study cannot be interrupted between trials from outside) and starts a new one. */
function onStop(): void {
  worker.terminate();
  for (const study of studies) {
    if (study.status === 'running' || study.status === 'waiting') {
      study.status = 'stopped';
      renderRow(study);
    }
  }
  setRunning(false);
  statusLine.textContent = 'stopped; loading a fresh worker';
  runButton.disabled = true;
  worker = startWorker();
}

function draw(study: StudyRow, points: readonly PlaygroundPoint[]): void {
  const header = study.points.header();
  if (header === undefined || points.length === 0) return;
  if (charts === undefined) {
    const [first, second] = header.objectives;
    const xTitle = header.axis === 'evaluations' ? 'trials' : 'simulated seconds';
    charts = {
      trajectory: view(trajectoryHost, playgroundTrajectorySpec(xTitle, first?.name ?? 'value')),
      pareto: second !== undefined ? view(paretoHost, playgroundParetoSpec(first?.name ?? 'f1', second.name)) : undefined,
    };
    paretoFigure.hidden = charts.pareto === undefined;
  }
  const { trajectory, pareto } = charts;
  drawing = drawing.then(async () => {
    await Promise.all([trajectory.insert(PLAYGROUND_DATA, points).runAsync(), pareto?.insert(PLAYGROUND_DATA, points).runAsync()]);
    trajectoryHost.dataset['points'] = String(Number(trajectoryHost.dataset['points'] ?? 0) + points.length);
  });
}

function view(host: HTMLElement, spec: Parameters<typeof compile>[0]): View {
  host.replaceChildren();
  return new View(parse(compile(spec).spec), { renderer: 'svg', container: host, hover: true });
}

function clearCharts(): void {
  charts?.trajectory.finalize();
  charts?.pareto?.finalize();
  charts = undefined;
  trajectoryHost.replaceChildren();
  paretoHost.replaceChildren();
  paretoFigure.hidden = true;
  trajectoryHost.dataset['points'] = '0';
}

function renderRow(study: StudyRow): void {
  const best = study.points.best();
  const header = study.points.header();
  const cells = [
    textElement('td', study.label),
    textElement('td', study.status === 'failed' ? `failed: ${study.message ?? ''}` : study.status),
    textElement('td', String(study.points.trials())),
    textElement('td', best === undefined ? '' : best.toPrecision(5)),
  ];
  const download = document.createElement('td');
  if (study.status === 'finished' && header !== undefined) {
    // The file `jahskit run` writes for this study, under the name it gives it.
    const link = document.createElement('a');
    link.download = `${header.benchmark.replaceAll('/', '-')}-${study.spec.optimizer}-seed${study.spec.seed}.jsonl`;
    link.href = URL.createObjectURL(new Blob([`${study.lines.join('\n')}\n`], { type: 'application/x-ndjson' }));
    link.textContent = link.download;
    download.append(link);
  }
  const command = document.createElement('td');
  command.append(textElement('code', cliCommandOf(study.spec)));
  study.row.dataset['status'] = study.status;
  study.row.replaceChildren(...cells, download, command);
}

function setRunning(running: boolean): void {
  runButton.disabled = running;
  stopButton.disabled = !running;
  document.body.dataset['state'] = running ? 'running' : 'idle';
}

function showError(message: string): void {
  errorLine.textContent = message;
  errorLine.hidden = message === '';
}

function option(value: string, label: string): HTMLOptionElement {
  return Object.assign(textElement('option', label), { value });
}

/** A new element holding `text` as text, never parsed as HTML: names and messages come from plugins and errors. */
function textElement<K extends keyof HTMLElementTagNameMap>(tag: K, text: string): HTMLElementTagNameMap[K] {
  const item = document.createElement(tag);
  item.textContent = text;
  return item;
}

benchmarkSelect.addEventListener('change', onBenchmarkChange);
form.addEventListener('submit', onSubmit);
stopButton.addEventListener('click', onStop);
