// The precedent finder: a request pasted as written, the decisions most like it (overturned ones
// among the closest first, unless asked otherwise), each with its passage and the words that made
// it similar. The request, the order and the filters live in the URL.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('precedent-form').addEventListener('submit', event => {
    event.preventDefault();
    const params = imr.params();
    params.set('text', document.getElementById('text').value);
    params.set('order', document.getElementById('order').value);
    imr.setParams(params);
    run();
  });
  document.getElementById('filters-toggle').addEventListener('click', event => {
    const open = event.currentTarget.getAttribute('aria-expanded') !== 'true';
    event.currentTarget.setAttribute('aria-expanded', String(open));
    document.getElementById('facets').classList.toggle('open', open);
  });
  window.addEventListener('popstate', run);
  run();
});

/** The filters only (no text, no order): what the sidebar counts. */
function filtersOf(params) {
  const filters = new URLSearchParams(params);
  ['text', 'order', 'size', 'q', 'page', 'sort', 'after'].forEach(k => filters.delete(k));
  return filters;
}

async function run() {
  const params = imr.params();
  document.getElementById('text').value = params.get('text') || '';
  document.getElementById('order').value = params.get('order') || 'overturned_first';
  const hits = document.getElementById('hits');
  try {
    // The sidebar: the decisions the filters select, counted as search counts them.
    const facetParams = filtersOf(params);
    facetParams.set('size', '1');
    const all = await imr.getJson('/api/search', facetParams);
    imr.renderFacets(document.getElementById('facets'), all.facets, run);
    imr.renderChips(document.getElementById('chips'), params, all.facets, run);
    const filters = imr.activeFilters(params, all.facets).length;
    document.getElementById('filters-toggle').textContent = 'Filters' + (filters ? ` (${filters} selected)` : '');
    if (!(params.get('text') || '').trim()) {
      hits.replaceChildren();
      document.getElementById('weighed').replaceChildren();
      return;
    }
    hits.setAttribute('aria-busy', 'true');
    const result = await imr.getJson('/api/precedents', params);
    renderWeighed(result);
    renderPrecedents(result, params);
  } catch (error) {
    imr.showError(hits, error);
  } finally {
    hits.removeAttribute('aria-busy');
  }
}

/** The request's words that counted, heaviest first (a word weighed in items and rationales once). */
function uniqueTerms(terms) {
  const seen = new Set();
  return terms.filter(t => !seen.has(t.term) && seen.add(t.term));
}

function renderWeighed(result) {
  const weighed = document.getElementById('weighed');
  const terms = uniqueTerms(result.terms);
  document.getElementById('summary').textContent = result.precedents.length === 0
    ? 'No decision is like this request: try its treatment and findings in other words.'
    : `${result.precedents.length} decisions, ` +
      (result.order === 'similarity' ? 'most similar first' : 'overturned ones among the closest first') +
      ` (${result.took} ms).`;
  weighed.replaceChildren(...(terms.length === 0 ? [] : [
    imr.el('span', {class: 'muted'}, 'Words that weighed most: '),
    ...terms.map(t => imr.el('span', {class: 'term', title: `weight ${t.weight.toFixed(2)}`}, t.term)),
  ]));
}

function renderPrecedents(result, params) {
  const back = window.location.pathname + window.location.search;
  document.getElementById('hits').replaceChildren(...result.precedents.map(p => {
    const hit = p.decision;
    const letter = new URLSearchParams({id: hit.letterId, decision: hit.decisionId, back});
    return imr.el('li', {class: 'hit precedent'},
      imr.el('div', {class: 'hit-head'},
        imr.outcomeBadge(hit.outcome),
        imr.el('a', {class: 'hit-item', href: '/letter.html?' + letter.toString()}, hit.item)),
      imr.el('div', {class: 'hit-meta'},
        imr.el('span', {}, hit.caseNumber || 'no case number'),
        imr.el('span', {}, hit.decisionDate || 'no decision date'),
        hit.specialties.length ? imr.el('span', {}, hit.specialties.join(', ')) : null,
        imr.el('span', {}, hit.guidelines.length ? hit.guidelines.join(', ') : 'no guideline cited'),
        hit.treatment ? imr.el('span', {}, hit.treatment) : null),
      ...hit.passages.map(passage => imr.el('p', {class: 'passage'}, imr.marked(passage))),
      imr.el('p', {class: 'why'}, imr.el('span', {class: 'muted'}, 'Why: shares '),
        ...p.why.map(t => imr.el('span', {class: 'term'}, t.term))));
  }));
}
