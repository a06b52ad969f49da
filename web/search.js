// The search page: query box, multi-select facets, highlighted results, paging. Every state
// lives in the URL (q, sort, page and one parameter per selected facet value).
'use strict';

const FACET_PARAMS = ['specialty', 'guideline', 'outcome', 'treatment', 'year', 'citation', 'caGuideline',
  'caCitation', 'licensure', 'sex', 'age', 'layout'];

document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('search-form');
  form.addEventListener('submit', event => {
    event.preventDefault();
    const params = imr.params();
    params.set('q', document.getElementById('q').value);
    params.set('sort', document.getElementById('sort').value);
    params.delete('page');
    imr.setParams(params);
    run();
  });
  document.getElementById('sort').addEventListener('change', () => form.requestSubmit());
  window.addEventListener('popstate', run);
  run();
});

async function run() {
  const params = imr.params();
  document.getElementById('q').value = params.get('q') || '';
  document.getElementById('sort').value = params.get('sort') || 'relevance';
  const hitsList = document.getElementById('hits');
  hitsList.setAttribute('aria-busy', 'true');
  try {
    const result = await imr.getJson('/api/search', params);
    renderSummary(result);
    renderHits(result, params.get('q') || '');
    renderFacets(result.facets, params);
    renderPager(result, params);
  } catch (error) {
    document.getElementById('summary').textContent = '';
    imr.showError(hitsList, error);
    document.getElementById('pager').replaceChildren();
  } finally {
    hitsList.removeAttribute('aria-busy');
  }
}

function renderSummary(result) {
  const from = result.total === 0 ? 0 : (result.page - 1) * result.size + 1;
  const to = Math.min(result.total, result.page * result.size);
  document.getElementById('summary').textContent = result.total === 0
    ? 'No decisions match.'
    : `${from}\u2013${to} of ${result.total.toLocaleString()} decisions (${result.took} ms)`;
}

function renderHits(result, q) {
  const list = document.getElementById('hits');
  list.replaceChildren(...result.hits.map(hit => {
    const letterUrl = '/letter.html?id=' + encodeURIComponent(hit.letterId) + (q ? '&q=' + encodeURIComponent(q) : '');
    return imr.el('li', {class: 'hit'},
      imr.el('div', {class: 'hit-head'},
        imr.outcomeBadge(hit.outcome),
        imr.el('a', {class: 'hit-item', href: letterUrl}, hit.item)),
      imr.el('div', {class: 'hit-meta'},
        imr.el('span', {}, hit.caseNumber || hit.letterId),
        hit.decisionDate ? imr.el('span', {}, hit.decisionDate) : null,
        hit.specialties.length ? imr.el('span', {}, hit.specialties.join(', ')) : null,
        imr.el('span', {}, hit.guidelines.length ? hit.guidelines.join(', ') : 'no guideline cited'),
        hit.treatment ? imr.el('span', {}, hit.treatment) : null),
      ...hit.passages.map(p => imr.el('p', {class: 'passage'}, imr.marked(p))));
  }));
}

function renderFacets(facets, params) {
  const aside = document.getElementById('facets');
  aside.replaceChildren(...facets.filter(f => f.values.length > 0).map(facet => {
    const list = imr.el('ul', {class: 'facet-values'}, facet.values.map(v => {
      const id = 'f-' + facet.name + '-' + v.value.replace(/[^A-Za-z0-9]+/g, '-');
      const label = facet.path ? v.value.slice(facet.path.length + 1) : v.value;
      return imr.el('li', {},
        imr.el('input', {type: 'checkbox', id, checked: v.selected, 'data-name': facet.name, 'data-value': v.value,
          onchange: toggle}),
        imr.el('label', {for: id}, imr.el('span', {class: 'facet-label'}, label),
          imr.el('span', {class: 'count'}, v.count.toLocaleString())));
    }));
    const group = imr.el('details', {class: 'facet', 'data-facet': facet.name, open: true},
      imr.el('summary', {}, facet.label + (facet.path ? ': ' + facet.path : '')), list);
    return group;
  }));
}

function toggle(event) {
  const box = event.target;
  const params = imr.params();
  const name = box.dataset.name;
  const values = params.getAll(name).filter(v => v !== box.dataset.value);
  if (box.checked) values.push(box.dataset.value);
  params.delete(name);
  values.forEach(v => params.append(name, v));
  params.delete('page');
  imr.setParams(params);
  run();
}

function renderPager(result, params) {
  const pager = document.getElementById('pager');
  const pages = Math.min(Math.ceil(result.total / result.size), Math.floor(10000 / result.size));
  const link = (page, text, current) => {
    const p = new URLSearchParams(params);
    p.set('page', page);
    return imr.el('a', {href: '?' + p.toString(), 'aria-current': current ? 'page' : null, onclick: event => {
      event.preventDefault();
      imr.setParams(p);
      run();
      window.scrollTo(0, 0);
    }}, text);
  };
  const items = [];
  if (result.page > 1) items.push(link(result.page - 1, '\u2190 Previous'));
  for (let p = Math.max(1, result.page - 3); p <= Math.min(pages, result.page + 3); p++) {
    items.push(link(p, String(p), p === result.page));
  }
  if (result.page < pages) items.push(link(result.page + 1, 'Next \u2192'));
  pager.replaceChildren(...(pages > 1 ? items : []));
}

// Exposed for the other pages' "decisions behind this" links.
window.FACET_PARAMS = FACET_PARAMS;
