// Shared helpers for the imr-search pages. Letter text is untrusted: it only ever reaches the
// page as text nodes; highlighted passages arrive HTML-escaped with <mark> tags, and are rebuilt
// here from text nodes and <mark> elements only (never innerHTML).
'use strict';

const imr = {
  /** Fetches JSON; rejects with the API's own message on an error status. */
  async getJson(path, params) {
    const url = params ? path + '?' + params.toString() : path;
    const response = await fetch(url, {headers: {Accept: 'application/json'}});
    const body = await response.json().catch(() => ({message: response.statusText}));
    if (!response.ok) {
      throw new Error(body.message || ('HTTP ' + response.status));
    }
    return body;
  },

  /**
   * Sends a change (POST, PATCH, DELETE) with a JSON body, and the server's token when this tab was
   * given one (servers started with --token-file ask for it; others take changes from their own
   * machine). Rejects with the API's message; error.status is the HTTP status.
   */
  async sendJson(method, path, body) {
    const headers = {Accept: 'application/json'};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = sessionStorage.getItem('imr-token');
    if (token) headers.Authorization = 'Bearer ' + token;
    const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
    if (response.status === 204) return null;
    const answer = await response.json().catch(() => ({message: response.statusText}));
    if (!response.ok) {
      const error = new Error(answer.message || ('HTTP ' + response.status));
      error.status = response.status;
      throw error;
    }
    return answer;
  },

  /** A field for the server's token, shown after a 401; the token is kept for this tab only. */
  tokenField(container, retry) {
    const input = imr.el('input', {type: 'password', id: 'token', autocomplete: 'off'});
    container.replaceChildren(imr.el('form', {class: 'token-form', onsubmit: event => {
      event.preventDefault();
      sessionStorage.setItem('imr-token', input.value.trim());
      container.replaceChildren();
      retry();
    }}, imr.el('label', {for: 'token'}, 'This server needs its token to change saved searches: '), input,
    imr.el('button', {type: 'submit'}, 'Use token')));
    input.focus();
  },

  /** An element with text content (never HTML) and attributes. */
  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  },

  /** Rebuilds server-marked text ("a &lt;b&gt; <mark>c</mark>") as text nodes and <mark>s. */
  marked(html) {
    const fragment = document.createDocumentFragment();
    const parsed = new DOMParser().parseFromString('<body>' + (html || '') + '</body>', 'text/html');
    for (const node of parsed.body.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        fragment.append(document.createTextNode(node.textContent));
      } else if (node.nodeName === 'MARK') {
        fragment.append(imr.el('mark', {}, node.textContent));
      } else {
        fragment.append(document.createTextNode(node.textContent));
      }
    }
    return fragment;
  },

  /** The page's state, from and to the URL, so every view can be bookmarked and shared. */
  params() {
    return new URLSearchParams(window.location.search);
  },

  setParams(params, replace) {
    // The packet's picks (packet.js) belong to the visit, not to one view: every view keeps the
    // current ones, whatever its links were built with.
    params = new URLSearchParams(params);
    const picks = imr.params().get('pick');
    if (picks) params.set('pick', picks);
    else params.delete('pick');
    const url = window.location.pathname + (params.toString() ? '?' + params.toString() : '');
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  },

  outcomeBadge(outcome) {
    return imr.el('span', {class: 'badge badge-' + outcome}, outcome === 'overturned' ? 'Overturned' : 'Upheld');
  },

  percent(x) {
    return (100 * x).toFixed(1) + '%';
  },

  /**
   * The facet sidebar: one group per facet, a checkbox per value with its count. Ticking a box
   * adds or removes that value in the URL and calls rerun().
   */
  renderFacets(aside, facets, rerun) {
    aside.replaceChildren(...facets.filter(f => f.values.length > 0).map(facet => {
      // A ticked value first: below the fold of a long list it would be invisible.
      const values = [...facet.values.filter(v => v.selected), ...facet.values.filter(v => !v.selected)];
      const list = imr.el('ul', {class: 'facet-values'}, values.map(v => {
        const id = 'f-' + facet.name + '-' + v.value.replace(/[^A-Za-z0-9]+/g, '-');
        const label = facet.path ? v.value.slice(facet.path.length + 1) : v.value;
        return imr.el('li', {},
          imr.el('input', {type: 'checkbox', id, checked: v.selected, 'data-name': facet.name, 'data-value': v.value,
            onchange: event => imr.toggleFilter(event.target, rerun)}),
          imr.el('label', {for: id}, imr.el('span', {class: 'facet-label'}, label),
            imr.el('span', {class: 'count'}, v.count.toLocaleString())));
      }));
      const more = facet.distinct > facet.values.length
        ? imr.el('button', {type: 'button', class: 'facet-more', 'aria-expanded': 'false',
            onclick: event => imr.openMore(event.currentTarget, facet, rerun)},
          `more\u2026 (${facet.distinct.toLocaleString()} in all)`)
        : null;
      return imr.el('details', {class: 'facet', 'data-facet': facet.name, open: true},
        imr.el('summary', {}, facet.label + (facet.path ? ': ' + facet.path : '')), list, more);
    }));
  },

  /** The facet filters in the URL, in the order the facets are shown: [{name, label, value}]. */
  activeFilters(params, facets) {
    const labels = new Map(facets.map(f => [f.name, f.label]));
    const active = [];
    for (const [name, label] of labels) {
      params.getAll(name).forEach(value => active.push({name, label, value}));
    }
    return active;
  },

  /** The URL's parameters without one value of one filter (and back to page 1). */
  without(params, name, value) {
    const p = new URLSearchParams(params);
    const values = p.getAll(name).filter(v => v !== value);
    p.delete(name);
    values.forEach(v => p.append(name, v));
    p.delete('page');
    p.delete('after');
    return p;
  },

  /** Removable chips for the active filters, with "clear all". */
  renderChips(container, params, facets, rerun) {
    const active = imr.activeFilters(params, facets);
    const go = p => event => {
      event.preventDefault();
      imr.setParams(p);
      rerun();
    };
    const clearAll = new URLSearchParams(params);
    active.forEach(f => clearAll.delete(f.name));
    clearAll.delete('page');
    container.replaceChildren(...(active.length === 0 ? [] : [
      imr.el('span', {class: 'chips-label'}, 'Filters:'),
      ...active.map(f => {
        const p = imr.without(params, f.name, f.value);
        return imr.el('a', {class: 'chip', href: '?' + p.toString(), onclick: go(p),
          'aria-label': 'Remove filter ' + f.label + ': ' + f.value}, f.label + ': ' + f.value, imr.el('span', {'aria-hidden': 'true'}, ' \u00d7'));
      }),
      active.length > 1
        ? imr.el('a', {class: 'chip-clear', href: '?' + clearAll.toString(), onclick: go(clearAll)}, 'Clear all')
        : null,
    ].filter(Boolean)));
  },

  /**
   * A facet's other values: a box to type part of a value, and the values the API finds for the
   * current selection (never the whole list loaded at once).
   */
  openMore(button, facet, rerun) {
    const panel = imr.el('div', {class: 'facet-search'});
    const id = 'facet-search-' + facet.name;
    const input = imr.el('input', {type: 'search', id, placeholder: 'Type part of a value', autocomplete: 'off'});
    const list = imr.el('ul', {class: 'facet-values'});
    panel.append(imr.el('label', {for: id, class: 'visually-hidden'}, 'Find a value of ' + facet.label), input, list);
    button.replaceWith(panel);
    let pending = 0;
    const load = async () => {
      const mine = ++pending;
      const p = imr.params();
      ['page', 'after', 'sort', 'size', 'by'].forEach(k => p.delete(k));
      p.set('contains', input.value);
      p.set('limit', '100');
      if (facet.path) p.set('path', facet.path);
      try {
        const group = await imr.getJson('/api/facets/' + encodeURIComponent(facet.name), p);
        if (mine !== pending) return; // a newer keystroke's answer is on its way
        list.replaceChildren(...group.values.map(v => {
          const vid = 'fm-' + facet.name + '-' + v.value.replace(/[^A-Za-z0-9]+/g, '-');
          return imr.el('li', {},
            imr.el('input', {type: 'checkbox', id: vid, checked: v.selected, 'data-name': facet.name, 'data-value': v.value,
              onchange: event => imr.toggleFilter(event.target, rerun)}),
            imr.el('label', {for: vid}, imr.el('span', {class: 'facet-label'}, v.value),
              imr.el('span', {class: 'count'}, v.count.toLocaleString())));
        }));
        if (group.values.length === 0) list.append(imr.el('li', {class: 'muted'}, 'No value contains this.'));
      } catch (error) {
        imr.showError(list, error);
      }
    };
    input.addEventListener('input', load);
    load();
    input.focus();
  },

  toggleFilter(box, rerun) {
    const params = imr.params();
    const name = box.dataset.name;
    const values = params.getAll(name).filter(v => v !== box.dataset.value);
    if (box.checked) values.push(box.dataset.value);
    params.delete(name);
    values.forEach(v => params.append(name, v));
    params.delete('page');
    imr.setParams(params);
    rerun();
  },

  /**
   * A folded panel of the words and phrases most distinctive of overturned decisions in the current
   * selection; read from the API only when opened (it reads a sample of rationales).
   */
  distinctivePanel(container, params) {
    const list = imr.el('ol', {class: 'distinctive-terms'});
    const about = imr.el('p', {class: 'muted'});
    const details = imr.el('details', {class: 'distinctive'},
      imr.el('summary', {}, 'What reviewers write when they overturn'), about, list);
    details.addEventListener('toggle', async () => {
      if (!details.open || list.childElementCount > 0) return;
      const p = new URLSearchParams(params);
      ['page', 'size', 'sort', 'after', 'by'].forEach(k => p.delete(k));
      try {
        const d = await imr.getJson('/api/stats/distinctive', p);
        about.textContent = `Words and phrases of the rationales most over-represented in ${d.foreground.toLocaleString()} ` +
          `overturned decisions against ${d.background.toLocaleString()} upheld ones (Dunning's log-likelihood G2)` +
          (d.sampled ? `, read from a sample of the ${d.selected.toLocaleString()} selected decisions.` : '.');
        list.replaceChildren(...d.terms.slice(0, 20).map(t => {
          const search = new URLSearchParams(p);
          search.set('q', t.words > 1 ? '"' + t.text + '"' : t.text);
          return imr.el('li', {}, imr.el('a', {href: '/?' + search.toString()}, t.text),
            imr.el('span', {class: 'muted'}, ` ${t.foreground} overturned, ${t.background} upheld`));
        }));
        if (d.terms.length === 0) list.append(imr.el('li', {class: 'muted'}, 'Too few overturned decisions to tell.'));
      } catch (error) {
        imr.showError(about, error);
      }
    });
    container.replaceChildren(details);
  },

  showError(container, error) {
    container.replaceChildren(imr.el('p', {class: 'error', role: 'alert'}, error.message || String(error)));
  },
};
