// Overturn rates: a grouping, an optional query and filters (kept in the URL), a table and a bar
// chart with the 95% Wilson intervals; each group links to the decisions behind it.
'use strict';

const FILTERS = ['specialty', 'guideline', 'outcome', 'treatment', 'year', 'month', 'citation', 'caGuideline',
  'caCitation', 'licensure', 'sex', 'age', 'layout'];
let chart;

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('rates-form').addEventListener('submit', event => {
    event.preventDefault();
    const params = imr.params();
    params.set('by', document.getElementById('by').value);
    params.set('q', document.getElementById('q').value);
    imr.setParams(params);
    run();
  });
  document.getElementById('by').addEventListener('change', () => document.getElementById('rates-form').requestSubmit());
  window.addEventListener('popstate', run);
  window.addEventListener('resize', () => chart && chart.resize());
  run();
});

let lastTable;
let sortState = {column: null, descending: false};

async function run() {
  const params = imr.params();
  if (!params.get('by')) params.set('by', 'guideline');
  document.getElementById('by').value = params.get('by').split(',')[0];
  document.getElementById('q').value = params.get('q') || '';
  facets(params);
  const results = document.getElementById('results');
  const message = document.getElementById('rates-message');
  try {
    const table = await imr.getJson('/api/stats/overturn-rates', params);
    lastTable = {table, params};
    const b = table.baseline;
    if (b.decisions === 0) {
      results.hidden = true;
      message.replaceChildren(imr.el('p', {class: 'empty'}, 'No decisions match this selection: remove a filter or change the words.'));
      return;
    }
    results.hidden = false;
    message.replaceChildren();
    document.getElementById('baseline').textContent = `All selected: ${b.overturned.toLocaleString()} of ` +
      `${b.decisions.toLocaleString()} decisions overturned, ${imr.percent(b.rate)} ` +
      `(95% interval ${imr.percent(b.ciLow)}\u2013${imr.percent(b.ciHigh)}).`;
    const also = {
      specialty: ' A decision whose reviewer has two specialties counts in both rows.',
      licensure: ' A decision whose reviewer is licensed in two states counts in both rows.',
      citation: ' A decision citing two parts counts in both rows.',
    };
    document.getElementById('note').textContent = table.note + table.by.map(name => also[name] || '').join('') +
      (table.shiftRule ? ' Red triangles mark shifts: ' + table.shiftRule : '');
    renderRows(table, params);
    draw(table, params);
    times(params);
    imr.distinctivePanel(document.getElementById('distinctive'), params);
  } catch (error) {
    results.hidden = true;
    imr.showError(message, error);
  }
}

const COLUMNS = [
  {name: 'Group', value: r => r.key.join(' \u00b7 ')},
  {name: 'Decisions', value: r => r.decisions},
  {name: 'Overturned', value: r => r.overturned},
  {name: 'Rate', value: r => r.rate},
  {name: '95% interval', value: r => r.ciLow},
  {name: 'vs. the rest', value: r => r.pAdjusted},
];

/** Rows picked for a comparison (their keys), at most two. */
let picked = [];

/** A marker where a row's rate differs from the rest of the selection (adjusted p < 0.05). */
function significance(row, baseline) {
  if (row.pAdjusted === null || row.pAdjusted === undefined) return '';
  const rest = baseline.decisions - row.decisions;
  const restRate = rest > 0 ? (baseline.overturned - row.overturned) / rest : 0;
  const title = `p = ${row.p.toPrecision(2)}, adjusted for ${lastTable.table.rows.length} rows: ${row.pAdjusted.toPrecision(2)}`;
  if (row.pAdjusted >= 0.05) return imr.el('span', {class: 'muted', title}, 'no clear difference');
  return imr.el('span', {class: 'significant', title},
    row.rate > restRate ? '\u25B2 higher' : '\u25BC lower');
}

/** The table, sorted by the column the user chose (the API's order until then). */
function renderRows(table, params) {
  const rows = [...table.rows];
  if (sortState.column !== null) {
    const value = COLUMNS[sortState.column].value;
    rows.sort((a, b) => {
      const x = value(a), y = value(b);
      const order = typeof x === 'string' ? x.localeCompare(y) : x - y;
      return sortState.descending ? -order : order;
    });
  }
  const head = document.querySelector('#table thead tr');
  head.replaceChildren(...COLUMNS.map((c, i) => imr.el('th', {scope: 'col',
      'aria-sort': sortState.column === i ? (sortState.descending ? 'descending' : 'ascending') : null},
    imr.el('button', {type: 'button', class: 'sort', onclick: () => {
      sortState = {column: i, descending: sortState.column === i ? !sortState.descending : i > 0};
      renderRows(lastTable.table, lastTable.params);
    }}, c.name))), imr.el('th', {scope: 'col'}, table.by.length === 1 ? 'Compare' : ''));
  document.querySelector('#table tbody').replaceChildren(...rows.map(row => imr.el('tr', {class: row.small ? 'small' : null},
    imr.el('th', {scope: 'row'}, imr.el('a', {href: decisionsUrl(params, table.by, row.key),
      title: 'The decisions of this group'}, row.key.join(' \u00b7 '))),
    imr.el('td', {}, row.decisions.toLocaleString()),
    imr.el('td', {}, row.overturned.toLocaleString()),
    imr.el('td', {}, imr.percent(row.rate) + (row.small ? ' (small)' : '')),
    imr.el('td', {class: 'interval'}, imr.percent(row.ciLow) + '\u2013' + imr.percent(row.ciHigh)),
    imr.el('td', {class: 'vs-rest'}, significance(row, table.baseline)),
    imr.el('td', {class: 'pick'}, table.by.length === 1 ? imr.el('input', {type: 'checkbox',
      'aria-label': 'Compare ' + row.key.join(' '), checked: picked.includes(row.key[0]),
      onchange: event => pick(row.key[0], event.target.checked, table, params)}) : null))));
  const csv = document.getElementById('rates-csv');
  csv.onclick = event => {
    event.preventDefault();
    download(table);
  };
}

/** Picks or drops a row for the comparison; with two picked, compares them. */
async function pick(key, on, table, params) {
  picked = on ? [...picked.filter(k => k !== key), key].slice(-2) : picked.filter(k => k !== key);
  renderRows(table, params);
  const panel = document.getElementById('compare');
  if (picked.length < 2) {
    panel.replaceChildren(imr.el('p', {class: 'muted'}, 'Tick two rows to compare them.'));
    return;
  }
  const p = new URLSearchParams(params);
  p.delete('by');
  p.append('a', table.by[0] + ':' + picked[0]);
  p.append('b', table.by[0] + ':' + picked[1]);
  try {
    const c = await imr.getJson('/api/stats/compare', p);
    const d = c.difference;
    const points = x => (100 * x).toFixed(1) + ' points';
    panel.replaceChildren(
      imr.el('h2', {}, `${picked[0]} against ${picked[1]}`),
      imr.el('p', {}, `${c.a.key[0]}: ${c.a.overturned} of ${c.a.decisions} overturned, ${imr.percent(c.a.rate)}; ` +
        `${c.b.key[0]}: ${c.b.overturned} of ${c.b.decisions}, ${imr.percent(c.b.rate)}.`),
      imr.el('p', {}, `Difference ${points(d.estimate)} (95% interval ${points(d.ciLow)} to ${points(d.ciHigh)}), ` +
        `p = ${c.p.toPrecision(2)}: ` + (c.p < 0.05 ? 'more than chance would give.' : 'within what chance gives.')),
      c.overlap > 0 ? imr.el('p', {class: 'muted'}, `${c.overlap} decisions are in both groups; the test assumes none.`) : null,
      imr.el('p', {class: 'muted'}, c.note));
  } catch (error) {
    imr.showError(panel, error);
  }
}

/** The table as CSV, for a spreadsheet: what the page shows, one row per group. */
function download(table) {
  const cell = v => {
    const s = String(v);
    const safe = /^[=+\-@\t\r]/.test(s) ? "'" + s : s;
    return /[",\r\n]/.test(safe) ? '"' + safe.replaceAll('"', '""') + '"' : safe;
  };
  const lines = [[...table.by, 'decisions', 'overturned', 'rate', 'ci_low', 'ci_high', 'small', 'p', 'p_adjusted'].join(',')];
  for (const r of [table.baseline, ...table.rows]) {
    lines.push([...r.key.map(cell), r.decisions, r.overturned, r.rate, r.ciLow, r.ciHigh, r.small,
      r.p ?? '', r.pAdjusted ?? ''].join(','));
  }
  const link = imr.el('a', {href: URL.createObjectURL(new Blob([lines.join('\r\n') + '\r\n'], {type: 'text/csv'})),
    download: 'overturn-rates-by-' + table.by.join('-') + '.csv'});
  document.body.append(link);
  link.click();
  link.remove();
}

/** Days to decision for the same selection, grouped as the table where that is a flat grouping. */
async function times(params) {
  const section = document.getElementById('times');
  const by = params.get('by');
  const p = new URLSearchParams(params);
  p.set('by', by.includes(',') ? 'priority' : by);
  try {
    const t = await imr.getJson('/api/stats/time-to-decision', p);
    const limits = Object.entries(t.deadlines).map(([k, d]) => `${k} ${d} days`).join(', ');
    const cells = r => [
      imr.el('td', {}, r.decisions.toLocaleString()),
      imr.el('td', {}, r.median === null ? '\u2013' : r.median + ' days'),
      imr.el('td', {}, r.p90 === null ? '\u2013' : r.p90 + ' days'),
      imr.el('td', {}, r.pastDeadlineShare === null ? '\u2013'
        : `${imr.percent(r.pastDeadlineShare)} (${r.pastDeadline} of ${r.withDeadline})`),
      imr.el('td', {}, r.notStated.toLocaleString())];
    section.replaceChildren(
      imr.el('h2', {}, 'Time to decision'),
      imr.el('div', {class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Time to decision'}, imr.el('table', {class: 'rates'},
        imr.el('caption', {}, t.note + ' Deadlines: ' + limits + ' (index-config/deadlines.tsv).'),
        imr.el('thead', {}, imr.el('tr', {}, ['Group', 'Decisions', 'Median', '90th percentile', 'Past deadline', 'Not stated']
          .map(h => imr.el('th', {scope: 'col'}, h)))),
        imr.el('tbody', {},
          imr.el('tr', {}, imr.el('th', {scope: 'row'}, 'All selected'), ...cells(t.all)),
          ...t.rows.map(r => imr.el('tr', {}, imr.el('th', {scope: 'row'}, r.key[0]), ...cells(r)))))));
  } catch (error) {
    imr.showError(section, error);
  }
}

/** The filter sidebar: the same facets as the search page, for the same selection. */
async function facets(params) {
  const p = new URLSearchParams(params);
  p.delete('by');
  p.set('size', '1');
  try {
    const result = await imr.getJson('/api/search', p);
    imr.renderFacets(document.getElementById('facets'), result.facets, run);
  } catch (error) {
    imr.showError(document.getElementById('facets'), error);
  }
}

function decisionsUrl(params, by, key) {
  const p = new URLSearchParams();
  if (params.get('q')) p.set('q', params.get('q'));
  FILTERS.forEach(f => params.getAll(f).forEach(v => p.append(f, v)));
  by.forEach((name, i) => p.append(name, key[i]));
  return '/?' + p.toString();
}

/** The rate axis ends a little past the highest interval, so 8% and 17% are not slivers. */
function axisMax(rows, baseline) {
  const high = Math.max(baseline.ciHigh, ...rows.map(r => r.ciHigh));
  return Math.min(1, Math.ceil(high * 1.1 * 20) / 20 || 0.05);
}

const TIME = ['year', 'month'];

/** A time grouping draws a line with its interval as a band, and the volume beneath. */
function draw(table, params) {
  if (table.by.some(b => TIME.includes(b))) {
    drawTrend(table, params);
    return;
  }
  drawBars(table, params);
}

function drawTrend(table, params) {
  document.getElementById('chart-legend').textContent = table.by.length === 1
    ? 'Line: overturn rate per period; band: its 95% interval; red triangles: shifts (see the note under the'
      + ' table); bars beneath: decisions per period. Undated decisions are a row of the table, not a point.'
    : 'One line per group (the 8 largest; the rest are in the table); red triangles: shifts; bars beneath:'
      + ' decisions per period.';
  const element = document.getElementById('chart');
  if (typeof echarts === 'undefined') {
    element.textContent = 'The chart library did not load.';
    return;
  }
  chart = chart || echarts.init(element);
  const timeAt = table.by.findIndex(b => TIME.includes(b));
  const dated = table.rows.filter(r => r.key[timeAt] !== 'not stated');
  const periods = [...new Set(dated.map(r => r.key[timeAt]))].sort();
  // One line per group of the other grouping (the 8 largest), or one line for a one-way table.
  const groups = new Map();
  for (const r of dated) {
    const group = table.by.length === 1 ? 'all selected' : r.key[1 - timeAt];
    if (!groups.has(group)) groups.set(group, {decisions: 0, byPeriod: new Map()});
    const g = groups.get(group);
    g.decisions += r.decisions;
    g.byPeriod.set(r.key[timeAt], r);
  }
  const shown = [...groups.entries()].sort((a, b) => b[1].decisions - a[1].decisions).slice(0, 8);
  const series = [];
  for (const [name, g] of shown) {
    const at = p => g.byPeriod.get(p);
    if (shown.length === 1) {
      series.push({type: 'line', name: 'low', data: periods.map(p => at(p) ? at(p).ciLow : null), stack: 'band',
        symbol: 'none', lineStyle: {opacity: 0}, silent: true, tooltip: {show: false}, xAxisIndex: 0, yAxisIndex: 0});
      series.push({type: 'line', name: '95% interval', data: periods.map(p => at(p) ? at(p).ciHigh - at(p).ciLow : null),
        stack: 'band', symbol: 'none', lineStyle: {opacity: 0}, areaStyle: {color: '#c9d6e3'}, silent: true,
        tooltip: {show: false}, xAxisIndex: 0, yAxisIndex: 0});
    }
    series.push({type: 'line', name, connectNulls: false, xAxisIndex: 0, yAxisIndex: 0,
      data: periods.map(p => at(p) ? {value: at(p).rate,
        symbol: at(p).shift ? 'triangle' : 'circle', symbolSize: at(p).shift ? 12 : 5,
        itemStyle: at(p).shift ? {color: '#a40e26'} : undefined} : null)});
  }
  series.push({type: 'bar', name: 'decisions', xAxisIndex: 1, yAxisIndex: 1, itemStyle: {color: '#9fb3c8'},
    data: periods.map(p => dated.filter(r => r.key[timeAt] === p).reduce((n, r) => n + (table.by.length === 1 ? r.decisions : 0), 0)
      || shown.reduce((n, [, g]) => n + (g.byPeriod.get(p) ? g.byPeriod.get(p).decisions : 0), 0))});
  chart.setOption({
    animation: false,
    legend: {show: shown.length > 1, top: 0, type: 'scroll'},
    tooltip: {trigger: 'axis', valueFormatter: v => (v === null || v === undefined) ? '\u2013'
      : (v <= 1 ? imr.percent(v) : v.toLocaleString())},
    grid: [{left: 48, right: 16, top: shown.length > 1 ? 36 : 16, height: '58%'},
      {left: 48, right: 16, bottom: 24, height: '18%'}],
    xAxis: [{type: 'category', data: periods, gridIndex: 0, axisLabel: {show: false}},
      {type: 'category', data: periods, gridIndex: 1}],
    yAxis: [{type: 'value', gridIndex: 0, min: 0, axisLabel: {formatter: v => Math.round(v * 1000) / 10 + '%'}},
      {type: 'value', gridIndex: 1, name: 'decisions', nameTextStyle: {fontSize: 10}, splitNumber: 2}],
    series,
  }, true);
  element.style.height = '360px';
  chart.resize();
  chart.off('click');
}

function drawBars(table, params) {
  document.getElementById('chart-legend').textContent = 'Bars: overturn rate; whiskers: 95% interval; dashed'
    + ' line: rate of all selected decisions; pale bars: groups under 30 decisions (small: their rate says little).';
  const rows = table.rows.slice(0, 40);
  const element = document.getElementById('chart');
  if (typeof echarts === 'undefined') {
    element.textContent = 'The chart library did not load.';
    return;
  }
  chart = chart || echarts.init(element);
  const labels = rows.map(r => r.key.join(' \u00b7 '));
  chart.setOption({
    animation: false,
    grid: {left: 8, right: 24, top: 28, bottom: 8, containLabel: true},
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, formatter: items => {
      const r = rows[items[0].dataIndex];
      return `${labels[items[0].dataIndex]}<br>${r.overturned} of ${r.decisions} overturned: ${imr.percent(r.rate)}` +
        `<br>95% interval ${imr.percent(r.ciLow)}\u2013${imr.percent(r.ciHigh)}`;
    }},
    xAxis: {type: 'value', min: 0, max: axisMax(rows, table.baseline),
      axisLabel: {formatter: v => Math.round(v * 1000) / 10 + '%'}},
    yAxis: {type: 'category', data: labels, inverse: true,
      axisLabel: {width: Math.min(220, element.clientWidth * 0.4), overflow: 'truncate'}},
    series: [
      {type: 'bar', name: 'Overturn rate', data: rows.map(r => ({value: r.rate,
        itemStyle: {color: r.small ? '#b9c6d6' : '#2f5d8a'}})),
        markLine: {symbol: 'none', silent: true, lineStyle: {color: '#a40e26', type: 'dashed'},
          label: {position: 'start', formatter: 'all: ' + imr.percent(table.baseline.rate)},
          data: [{xAxis: table.baseline.rate}]}},
      {type: 'custom', name: '95% interval', renderItem: (paramsItem, api) => {
        const y = api.coord([0, api.value(0)])[1];
        const low = api.coord([api.value(1), api.value(0)])[0];
        const high = api.coord([api.value(2), api.value(0)])[0];
        const h = api.size([0, 1])[1] * 0.25;
        const style = {stroke: '#1d2733', lineWidth: 1.5};
        return {type: 'group', children: [
          {type: 'line', shape: {x1: low, y1: y, x2: high, y2: y}, style},
          {type: 'line', shape: {x1: low, y1: y - h, x2: low, y2: y + h}, style},
          {type: 'line', shape: {x1: high, y1: y - h, x2: high, y2: y + h}, style}]};
      }, encode: {x: [1, 2], y: 0}, data: rows.map((r, i) => [i, r.ciLow, r.ciHigh]), z: 10},
    ],
  }, true);
  element.style.height = Math.max(200, 28 * rows.length + 40) + 'px';
  chart.resize();
  chart.off('click');
  chart.on('click', event => {
    window.location.href = decisionsUrl(params, table.by, rows[event.dataIndex].key);
  });
}
