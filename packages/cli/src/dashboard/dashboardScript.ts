/**
 * The page's script (plain ES2020, no build step): it fetches the JSON endpoints, draws each chart
 * with Vega's runtime, shows a hovered mark's fields in a tooltip, and listens to the server's event
 * stream to fetch again whenever the results folder changed, so the page follows a running grid
 * without a reload. The per-trial table sorts by any column (click its header) and filters by text;
 * charts download as SVG and PNG, the table as CSV.
 */
export const DASHBOARD_SCRIPT = String.raw`(function () {
  'use strict';
  var ROW_LIMIT = 500;
  var state = { version: -1, grid: null, task: null, charts: {}, table: null, sortKey: null, sortDir: 1, filter: '', busy: false, again: false };
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (k === 'text') node.textContent = attrs[k]; else node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }
  function getJson(url) {
    return fetch(url, { cache: 'no-store' }).then(function (r) {
      return r.json().then(function (body) { if (!r.ok) throw new Error(body.error || r.statusText); return body; });
    });
  }
  function showError(message) { $('error').textContent = message || ''; }

  // Tooltip: a hovered mark's fields as a small table beside the pointer.
  function tooltipHandler(handler, event, item, value) {
    var tip = $('tooltip');
    if (value === null || value === undefined || value === '') { tip.hidden = true; return; }
    var body = el('tbody');
    var entries = typeof value === 'object' ? Object.keys(value).map(function (k) { return [k, value[k]]; }) : [['', value]];
    entries.forEach(function (e) { body.appendChild(el('tr', {}, [el('th', { text: e[0] }), el('td', { text: String(e[1]) })])); });
    tip.replaceChildren(el('table', {}, [body]));
    tip.hidden = false;
    var x = event.clientX + 14, y = event.clientY + 14;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth) x = Math.max(0, event.clientX - w - 14);
    if (y + h > window.innerHeight) y = Math.max(0, window.innerHeight - h - 4);
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  }

  function download(name, href, revoke) {
    var a = el('a', { href: href, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    if (revoke) setTimeout(function () { URL.revokeObjectURL(href); }, 1000);
  }
  function fileName(text) { return String(text).replace(/[^A-Za-z0-9._-]+/g, '-'); }

  /** A spec without its data: two specs of the same shape differ only in their data. */
  function shapeOf(spec) { return JSON.stringify(spec, function (k, v) { return k === 'values' ? undefined : v; }); }

  /**
   * Draws a chart, or gives an existing one of the same shape its new data: its view stays, so a
   * zoom or a series picked in the legend survives the updates of a running grid. The key names what
   * the chart shows (the task, and the runs for the parallel coordinates): another key, a new chart.
   */
  function showChart(host, id, title, caption, spec, key) {
    var shape = shapeOf(spec);
    var shown = state.charts[id];
    if (shown && shown.key === key && shown.shape === shape) {
      shown.figure.querySelector('figcaption').textContent = caption;
      (spec.data || []).forEach(function (d) { if (d.values) shown.view.data(d.name, d.values); });
      return shown.view.runAsync();
    }
    return drawChart(host, id, title, caption, spec, shown ? shown.figure : null).then(function (drawn) {
      if (shown) shown.view.finalize();
      state.charts[id] = { view: drawn.view, figure: drawn.figure, key: key, shape: shape };
    });
  }

  function removeCharts(keep) {
    Object.keys(state.charts).forEach(function (id) {
      if (keep(id, state.charts[id])) return;
      state.charts[id].view.finalize();
      state.charts[id].figure.remove();
      delete state.charts[id];
    });
  }

  /** A chart in a figure with its download buttons, in place of the replaced figure if given; resolves to its view and figure. */
  function drawChart(host, id, title, caption, spec, replaced) {
    var figure = el('figure', { 'class': 'plot', 'data-plot': id });
    var container = el('div', { 'class': 'vega-view' });
    var svgButton = el('button', { type: 'button', 'data-download': 'svg', text: 'SVG' });
    var pngButton = el('button', { type: 'button', 'data-download': 'png', text: 'PNG' });
    figure.append(el('h3', { text: title }), container, el('figcaption', { text: caption }), el('div', { 'class': 'downloads' }, [svgButton, pngButton]));
    if (replaced) replaced.replaceWith(figure); else host.appendChild(figure);
    var view = new vega.View(vega.parse(spec), { renderer: 'svg', container: container, hover: true });
    view.tooltip(tooltipHandler);
    var base = fileName((state.task || 'grid') + '-' + id);
    svgButton.onclick = function () {
      view.toSVG().then(function (svg) { download(base + '.svg', URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })), true); });
    };
    pngButton.onclick = function () {
      view.toImageURL('png', 2).then(function (url) { download(base + '.png', url, false); });
    };
    return view.runAsync().then(function () { figure.setAttribute('data-interactive', 'true'); return { view: view, figure: figure }; });
  }

  function renderGrid(grid) {
    state.grid = grid;
    document.title = 'jahskit dashboard: ' + grid.title;
    $('title').textContent = grid.title;
    var p = grid.progress;
    $('progress-text').textContent = grid.waiting ? grid.waiting : p.finished + ' / ' + p.total + ' runs finished' + (p.running > 0 ? ', ' + p.running + ' running' : '');
    $('progress-text').setAttribute('data-finished', String(p.finished));
    $('bar-fill').style.width = (p.total === 0 ? 0 : (100 * p.finished) / p.total) + '%';
    var nav = $('tasks');
    nav.replaceChildren.apply(nav, grid.tasks.map(function (t) {
      var b = el('button', { type: 'button', 'data-task': t.task, 'aria-pressed': String(t.task === state.task), text: t.title });
      b.onclick = function () { selectTask(t.task); };
      return b;
    }));
    fillSelect($('run-optimizer'), grid.optimizers, 'all optimizers');
    fillSelect($('run-seed'), grid.seeds.map(String), 'all seeds');
    var rows = grid.runs.filter(function (r) { return r.task === state.task || state.task === null; });
    var body = rows.map(function (r) {
      return el('tr', {}, [
        el('td', { text: r.optimizer }), el('td', { 'class': 'num', text: String(r.seed) }),
        el('td', { 'class': 'state-' + r.state, text: r.state, title: r.error || '' }), el('td', { 'class': 'num', text: String(r.trials) }),
      ]);
    });
    $('runs-body').replaceChildren.apply($('runs-body'), body);
  }

  function fillSelect(select, values, all) {
    var current = select.value;
    var options = [el('option', { value: '', text: all })].concat(values.map(function (v) { return el('option', { value: v, text: v }); }));
    select.replaceChildren.apply(select, options);
    select.value = values.indexOf(current) >= 0 ? current : '';
  }

  function loadTask() {
    var task = state.task;
    if (task === null) return Promise.resolve();
    var filter = runQuery();
    return Promise.all([
      getJson('/api/tasks/' + encodeURIComponent(task)),
      getJson('/api/tasks/' + encodeURIComponent(task) + '/trials' + filter),
      getJson('/api/tasks/' + encodeURIComponent(task) + '/parallel' + filter),
      // Importance is extra: if it cannot be computed, the rest of the page is still drawn.
      getJson('/api/tasks/' + encodeURIComponent(task) + '/importance' + filter).catch(function () { return {}; }),
    ]).then(function (answers) {
      if (task !== state.task) return;
      var view = answers[0];
      $('task-title').textContent = view.title;
      var a = view.analysis;
      $('task-meta').textContent = a ? 'task ' + view.task + ' · benchmark ' + a.benchmark + ' · ' + a.metric.label + ', ' + a.metric.better + ' is better · ' + view.runs + ' runs with trials' : 'no trial finished yet';
      var ids = view.charts.map(function (c) { return c.id; });
      var importance = answers[3];
      removeCharts(function (id, shown) { return id === 'parallel' || (id === 'importance' && importance.vega) || (shown.key === task && ids.indexOf(id) >= 0); });
      var drawn = view.charts.map(function (c) { return showChart($('charts'), c.id, c.title, c.caption, c.vega, task); });
      renderFinal(view.final);
      state.table = answers[1];
      renderTable();
      drawn.push(showChart($('parallel'), 'parallel', 'Parallel coordinates', 'One line per finished trial of the selected runs; each axis spans its own range (ends labelled), categorical values sorted.', answers[2].vega, task + filter));
      if (importance.vega) drawn.push(showChart($('parallel'), 'importance', 'Hyperparameter importance', importanceCaption(importance.importance), importance.vega, task + filter));
      return Promise.all(drawn);
    });
  }

  function importanceCaption(imp) {
    var first = imp.objectives[0];
    if (!first || first.trees === 0) return 'No importance yet: it needs finished full-fidelity trials whose objective varies (' + imp.available + ' so far).';
    return 'Share of the variance of ' + imp.objectives.map(function (o) { return o.objective; }).join(' and ') +
      ' over the search space that each parameter explains on its own (functional ANOVA over a random forest of ' + first.trees + ' trees fitted to ' +
      (imp.used < imp.available ? 'an even sample of ' + imp.used + ' of the ' : 'the ') + imp.available +
      ' finished full-fidelity trials of the selected runs); faded bars: interactions of two parameters; rules: ± one standard deviation across the trees. ' +
      imp.objectives.map(function (o) {
        var sum = o.parameters.reduce(function (s, p) { return s + p.importance; }, 0);
        return 'The main effects together explain ' + Math.round(100 * sum) + '% of the variance of ' + o.objective + ' (the rest: interactions, as the forest models them). ';
      }).join('') +
      (imp.space === 'benchmark' ? 'Parameters are uniform on the space\'s own scales (log where the space says so).' : 'The benchmark\'s space could not be loaded: ranges are read off the trials, on linear scales.');
  }

  function runQuery() {
    var parts = [];
    if ($('run-optimizer').value) parts.push('optimizer=' + encodeURIComponent($('run-optimizer').value));
    if ($('run-seed').value) parts.push('seed=' + encodeURIComponent($('run-seed').value));
    return parts.length ? '?' + parts.join('&') : '';
  }

  function renderFinal(final) {
    var head = el('tr', {}, final.headers.map(function (h, i) { return el('th', { 'class': i >= 2 ? 'num' : '', text: h }); }));
    var rows = final.rows.map(function (r) { return el('tr', {}, r.map(function (c, i) { return el('td', { 'class': i >= 2 ? 'num' : '', text: c }); })); });
    $('final').replaceChildren(el('table', {}, [el('thead', {}, [head]), el('tbody', {}, rows)]));
  }

  function visibleRows() {
    var table = state.table;
    if (table === null) return [];
    var names = table.columns.map(function (c) { return c.name; });
    var needle = state.filter.toLowerCase();
    var rows = needle === '' ? table.rows.slice() : table.rows.filter(function (row) {
      return names.some(function (n) { var v = row[n]; return v !== undefined && v !== null && String(v).toLowerCase().indexOf(needle) >= 0; });
    });
    var key = state.sortKey;
    if (key !== null) {
      var dir = state.sortDir;
      rows.sort(function (p, q) {
        var a = p[key], b = q[key];
        var missingA = a === undefined || a === null, missingB = b === undefined || b === null;
        // Missing values last in either direction.
        if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
        if (typeof a === 'number' && typeof b === 'number') return dir * (a - b);
        return dir * String(a).localeCompare(String(b), undefined, { numeric: true });
      });
    }
    return rows;
  }

  function formatCell(v) {
    if (v === undefined || v === null) return '';
    if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
    return String(v);
  }

  function renderTable() {
    var table = state.table;
    if (table === null) return;
    var columns = table.columns;
    var head = el('tr', {}, columns.map(function (c) {
      var th = el('th', { 'class': 'sortable' + (c.numeric ? ' num' : ''), scope: 'col', 'data-column': c.name, title: c.group + ': click to sort', text: c.name });
      if (state.sortKey === c.name) th.setAttribute('aria-sort', state.sortDir > 0 ? 'ascending' : 'descending');
      th.onclick = function () {
        if (state.sortKey === c.name) state.sortDir = -state.sortDir; else { state.sortKey = c.name; state.sortDir = 1; }
        renderTable();
      };
      return th;
    }));
    var rows = visibleRows();
    var body = rows.slice(0, ROW_LIMIT).map(function (row) {
      return el('tr', {}, columns.map(function (c) { return el('td', { 'class': c.numeric ? 'num' : '', text: formatCell(row[c.name]) }); }));
    });
    $('trials-head').replaceChildren(head);
    $('trials-body').replaceChildren.apply($('trials-body'), body);
    $('trials-count').textContent = rows.length + ' of ' + table.rows.length + ' trials' + (rows.length > ROW_LIMIT ? ' (the first ' + ROW_LIMIT + ' shown; CSV has all)' : '');
  }

  function csv() {
    var columns = state.table ? state.table.columns.map(function (c) { return c.name; }) : [];
    var quote = function (v) { var s = v === undefined || v === null ? '' : String(v); return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
    var lines = [columns.map(quote).join(',')].concat(visibleRows().map(function (row) { return columns.map(function (c) { return quote(row[c]); }).join(','); }));
    download(fileName((state.task || 'trials') + '-trials.csv'), URL.createObjectURL(new Blob([lines.join('\n') + '\n'], { type: 'text/csv' })), true);
  }

  function selectTask(task) {
    if (task === state.task) return;
    state.task = task;
    history.replaceState(null, '', '#task=' + encodeURIComponent(task));
    refresh();
  }

  /**
   * Fetches everything again; calls that come while one runs are folded into one more, which waits as
   * long as the last took: a large grid's page then leaves the server (and compare) time to work.
   */
  function refresh() {
    if (state.busy) { state.again = true; return; }
    state.busy = true;
    var started = Date.now();
    getJson('/api/grid').then(function (grid) {
      if (state.task === null || !grid.tasks.some(function (t) { return t.task === state.task; })) {
        var wanted = decodeURIComponent((location.hash.match(/task=([^&]*)/) || [])[1] || '');
        state.task = grid.tasks.some(function (t) { return t.task === wanted; }) ? wanted : grid.tasks.length > 0 ? grid.tasks[0].task : null;
      }
      renderGrid(grid);
      return loadTask().then(function () {
        state.version = grid.version;
        document.body.setAttribute('data-version', String(grid.version));
      });
    }).then(function () { showError(''); }, function (error) { showError(String(error && error.message || error)); })
      .then(function () {
        state.busy = false;
        if (state.again) { state.again = false; setTimeout(refresh, Math.min(10000, Date.now() - started)); }
      });
  }

  $('filter').addEventListener('input', function (event) { state.filter = event.target.value; renderTable(); });
  $('csv').onclick = csv;
  $('run-optimizer').onchange = function () { refresh(); };
  $('run-seed').onchange = function () { refresh(); };

  if (typeof vega === 'undefined') { showError('Vega did not load: the charts cannot be drawn.'); return; }
  var live = $('live');
  if (typeof EventSource === 'undefined') {
    setInterval(refresh, 3000);
    refresh();
    return;
  }
  var events = new EventSource('/api/events');
  events.addEventListener('change', function (event) {
    live.setAttribute('data-state', 'live');
    live.textContent = 'live';
    var version = JSON.parse(event.data).version;
    if (version !== state.version) refresh();
  });
  events.onerror = function () { live.setAttribute('data-state', 'offline'); live.textContent = 'reconnecting'; };
})();`;
