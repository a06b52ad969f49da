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
    if (!params.get('q')) params.delete('sort'); // no words: newest first, nothing to rank by
    params.delete('page');
    imr.setParams(params);
    run();
  });
  document.getElementById('sort').addEventListener('change', () => form.requestSubmit());
  document.getElementById('filters-toggle').addEventListener('click', event => {
    const open = event.currentTarget.getAttribute('aria-expanded') !== 'true';
    event.currentTarget.setAttribute('aria-expanded', String(open));
    document.getElementById('facets').classList.toggle('open', open);
  });
  document.getElementById('packet-slot').replaceWith(imrPacket.control());
  window.addEventListener('popstate', run);
  run();
});

/** The sort the page asks for: by date when there are no words to be relevant to. */
function sortOf(params) {
  return params.get('q') ? params.get('sort') || 'relevance' : 'date';
}

async function run() {
  const params = imr.params();
  const q = params.get('q') || '';
  document.getElementById('q').value = q;
  const sort = document.getElementById('sort');
  sort.querySelector('option[value="relevance"]').hidden = !q;
  sort.value = sortOf(params);
  const request = new URLSearchParams(params);
  request.set('sort', sortOf(params));
  const hitsList = document.getElementById('hits');
  hitsList.setAttribute('aria-busy', 'true');
  try {
    const result = await imr.getJson('/api/search', request);
    renderSummary(result);
    imr.renderChips(document.getElementById('chips'), params, result.facets, run);
    renderHits(result, params);
    renderFacetsOrNothing(result, params);
    renderLinks(params);
    imr.distinctivePanel(document.getElementById('distinctive'), params);
    renderPager(result, params);
    imrPacket.refresh();
  } catch (error) {
    document.getElementById('summary').textContent = '';
    imr.showError(hitsList, error);
    if (params.get('q')) document.querySelector('.syntax').open = true; // the words are what to fix
    document.getElementById('pager').replaceChildren();
  } finally {
    hitsList.removeAttribute('aria-busy');
  }
}

function lastPage(result) {
  return Math.max(1, Math.min(Math.ceil(result.total / result.size), Math.floor(10000 / result.size)));
}

function renderSummary(result) {
  const summary = document.getElementById('summary');
  if (result.total === 0) {
    summary.textContent = 'No decisions match.';
  } else if (result.hits.length === 0) {
    summary.textContent = `Page ${result.page} is past the last page (${lastPage(result)}) of ` +
      `${result.total.toLocaleString()} decisions.`;
  } else {
    const from = (result.page - 1) * result.size + 1;
    const to = from + result.hits.length - 1;
    summary.textContent = `${from}\u2013${to} of ${result.total.toLocaleString()} decisions ` +
      `(${result.took} ms${result.cached ? ', cached' : ''})`;
  }
  const filters = imr.activeFilters(imr.params(), result.facets || []).length;
  document.getElementById('filters-toggle').textContent = 'Filters' + (filters ? ` (${filters} selected)` : '');
}

function renderHits(result, params) {
  const list = document.getElementById('hits');
  const back = window.location.pathname + window.location.search;
  if (result.hits.length === 0) {
    list.replaceChildren(emptyHelp(result, params));
    return;
  }
  list.replaceChildren(...result.hits.map(hit => {
    const letter = new URLSearchParams({id: hit.letterId});
    if (params.get('q')) letter.set('q', params.get('q'));
    letter.set('decision', hit.decisionId);
    letter.set('back', back);
    return imr.el('li', {class: 'hit'},
      imr.el('div', {class: 'hit-head'},
        imrPacket.checkbox(hit.letterId, Number(hit.decisionId.split('#').pop()), hit.item),
        imr.outcomeBadge(hit.outcome),
        imr.el('a', {class: 'hit-item', href: '/letter.html?' + letter.toString(), 'data-keep-picks': ''}, hit.item)),
      imr.el('div', {class: 'hit-meta'},
        imr.el('span', {}, hit.caseNumber || 'no case number'),
        imr.el('span', {}, hit.decisionDate || 'no decision date'),
        hit.specialties.length ? imr.el('span', {}, hit.specialties.join(', ')) : null,
        imr.el('span', {}, hit.guidelines.length ? hit.guidelines.join(', ') : 'no guideline cited'),
        hit.treatment ? imr.el('span', {}, hit.treatment) : null),
      ...hit.passages.map(p => imr.el('p', {class: 'passage'}, imr.marked(p))));
  }));
}

/** What to do when a page shows nothing: go back to the last page, or loosen the selection. */
function emptyHelp(result, params) {
  const help = imr.el('li', {class: 'empty'});
  if (result.total > 0) {
    const p = new URLSearchParams(params);
    p.set('page', lastPage(result));
    help.append(imr.el('a', {href: '?' + p.toString()}, `Go to the last page (${lastPage(result)})`));
    return help;
  }
  help.append(imr.el('p', {}, 'Nothing matches this search.'));
  const tips = imr.el('ul', {});
  const advice = result.help || {withoutFilter: [], didYouMean: null};
  if (advice.didYouMean) {
    const p = new URLSearchParams(params);
    p.set('q', advice.didYouMean);
    p.delete('page');
    tips.append(imr.el('li', {}, 'Did you mean ', imr.el('a', {href: '?' + p.toString()}, advice.didYouMean), '?'));
  }
  const hidden = new Map(advice.withoutFilter.map(w => [w.name + '\u0000' + w.value, w.total]));
  for (const f of imr.activeFilters(params, result.facets || [])) {
    const p = imr.without(params, f.name, f.value);
    const total = hidden.get(f.name + '\u0000' + f.value);
    tips.append(imr.el('li', {}, imr.el('a', {href: '?' + p.toString()}, `Remove the filter ${f.label}: ${f.value}`),
      total === undefined ? null : ` (${total.toLocaleString()} match without it)`));
  }
  if (params.get('q')) {
    tips.append(imr.el('li', {}, 'Fewer or other words; a phrase without its quotes; a prefix such as ',
      imr.el('code', {}, 'inject*'), ' or a typo-tolerant word such as ', imr.el('code', {}, 'acupunture~'), '.'));
  }
  help.append(tips);
  return help;
}

/** The sidebar, or nothing when no facet has a value (a search with no hits). */
function renderFacetsOrNothing(result, params) {
  const aside = document.getElementById('facets');
  const any = result.facets.some(f => f.values.length > 0);
  aside.hidden = !any && imr.activeFilters(params, result.facets).length === 0;
  imr.renderFacets(aside, result.facets, run);
}

/** The same selection on the overturn-rate page, and as an export. */
function renderLinks(params) {
  const selection = new URLSearchParams(params);
  ['page', 'size', 'sort', 'after'].forEach(k => selection.delete(k));
  const rates = new URLSearchParams(selection);
  rates.set('by', 'guideline');
  document.getElementById('rates-link').href = '/rates.html?' + rates.toString();
  for (const format of ['csv', 'jsonl']) {
    const p = new URLSearchParams(selection);
    p.set('format', format);
    document.getElementById('export-' + format).href = '/api/export?' + p.toString();
  }
}

function renderPager(result, params) {
  const pager = document.getElementById('pager');
  const pages = lastPage(result);
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
  const page = Math.min(result.page, pages);
  if (page > 1 && result.hits.length > 0) items.push(link(page - 1, '\u2190 Previous'));
  for (let p = Math.max(1, page - 3); p <= Math.min(pages, page + 3); p++) {
    items.push(link(p, String(p), p === result.page));
  }
  if (result.page < pages) items.push(link(result.page + 1, 'Next \u2192'));
  pager.replaceChildren(...(pages > 1 && result.total > 0 ? items : []));
}
