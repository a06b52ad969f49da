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

async function run() {
  const params = imr.params();
  if (!params.get('by')) params.set('by', 'guideline');
  document.getElementById('by').value = params.get('by').split(',')[0];
  document.getElementById('q').value = params.get('q') || '';
  facets(params);
  const tbody = document.querySelector('#table tbody');
  try {
    const table = await imr.getJson('/api/stats/overturn-rates', params);
    const b = table.baseline;
    document.getElementById('baseline').textContent = `All selected: ${b.overturned.toLocaleString()} of ` +
      `${b.decisions.toLocaleString()} decisions overturned, ${imr.percent(b.rate)} ` +
      `(95% interval ${imr.percent(b.ciLow)}\u2013${imr.percent(b.ciHigh)}).`;
    document.getElementById('note').textContent = table.note;
    tbody.replaceChildren(...table.rows.map(row => imr.el('tr', {class: row.small ? 'small' : null},
      imr.el('th', {scope: 'row'}, row.key.join(' \u00b7 ')),
      imr.el('td', {}, row.decisions.toLocaleString()),
      imr.el('td', {}, row.overturned.toLocaleString()),
      imr.el('td', {}, imr.percent(row.rate) + (row.small ? ' (small)' : '')),
      imr.el('td', {}, imr.percent(row.ciLow) + '\u2013' + imr.percent(row.ciHigh)),
      imr.el('td', {}, imr.el('a', {href: decisionsUrl(params, table.by, row.key)}, 'decisions')))));
    draw(table, params);
  } catch (error) {
    imr.showError(tbody, error);
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

function draw(table, params) {
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
    grid: {left: 8, right: 24, top: 16, bottom: 8, containLabel: true},
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, formatter: items => {
      const r = rows[items[0].dataIndex];
      return `${labels[items[0].dataIndex]}<br>${r.overturned} of ${r.decisions} overturned: ${imr.percent(r.rate)}` +
        `<br>95% interval ${imr.percent(r.ciLow)}\u2013${imr.percent(r.ciHigh)}`;
    }},
    xAxis: {type: 'value', min: 0, max: 1, axisLabel: {formatter: v => Math.round(v * 100) + '%'}},
    yAxis: {type: 'category', data: labels, inverse: true, axisLabel: {width: 220, overflow: 'truncate'}},
    series: [
      {type: 'bar', name: 'Overturn rate', data: rows.map(r => ({value: r.rate,
        itemStyle: {color: r.small ? '#b9c6d6' : '#2f5d8a'}}))},
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
