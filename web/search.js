// The search page: query box, multi-select facets, highlighted results, paging. Every state
// lives in the URL (q, sort, page and one parameter per selected facet value).
'use strict';

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
    imr.renderFacets(document.getElementById('facets'), result.facets, run);
    renderRatesLink(params);
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
    : `${from}\u2013${to} of ${result.total.toLocaleString()} decisions (${result.took} ms${result.cached ? ', cached' : ''})`;
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

/** The same selection on the overturn-rate page. */
function renderRatesLink(params) {
  const p = new URLSearchParams(params);
  ['page', 'size', 'sort'].forEach(k => p.delete(k));
  p.set('by', 'guideline');
  const link = document.getElementById('rates-link');
  link.href = '/rates.html?' + p.toString();
}
