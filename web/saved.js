// The saved searches: each with its search, its filters, when it was saved and its feed; renamed
// and deleted here (the server may ask for its token).
'use strict';

document.addEventListener('DOMContentLoaded', load);

async function load() {
  const box = document.getElementById('saved');
  try {
    render(await imr.getJson('/api/saved-searches'));
  } catch (error) {
    imr.showError(box, error);
  }
}

/** The search page's address for a saved search. */
function searchUrl(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const [name, values] of Object.entries(s.filters)) values.forEach(v => p.append(name, v));
  return '/?' + p.toString();
}

function describe(s) {
  const parts = [s.q ? `"${s.q}"` : 'all decisions'];
  for (const [name, values] of Object.entries(s.filters)) parts.push(`${name}: ${values.join(' or ')}`);
  return parts.join('; ');
}

function render(searches) {
  const box = document.getElementById('saved');
  if (searches.length === 0) {
    box.replaceChildren(imr.el('p', {class: 'empty'}, 'No saved searches yet. Search, then "Save this search".'));
    return;
  }
  box.replaceChildren(imr.el('ul', {class: 'saved-list'}, searches.map(s => {
    const feed = `/api/saved-searches/${s.id}/feed`;
    const row = imr.el('li', {class: 'saved-search', 'data-id': s.id},
      imr.el('div', {class: 'hit-head'}, imr.el('a', {class: 'hit-item', href: searchUrl(s)}, s.name)),
      imr.el('div', {class: 'hit-meta'},
        imr.el('span', {}, describe(s)),
        imr.el('span', {}, 'saved ' + new Date(s.savedAt).toLocaleString()),
        imr.el('a', {class: 'feed-link', href: feed, type: 'application/atom+xml'}, 'Atom feed')),
      imr.el('div', {class: 'saved-actions'},
        imr.el('button', {type: 'button', class: 'rename', onclick: () => renameForm(row, s)}, 'Rename'),
        imr.el('button', {type: 'button', class: 'delete', onclick: () => remove(s)}, 'Delete')));
    return row;
  })));
}

function renameForm(row, s) {
  const id = 'rename-' + s.id;
  const input = imr.el('input', {id, type: 'text', value: s.name, maxlength: '200'});
  const form = imr.el('form', {class: 'rename-form', onsubmit: event => {
    event.preventDefault();
    change('PATCH', `/api/saved-searches/${s.id}`, {name: input.value});
  }}, imr.el('label', {for: id}, 'New name '), input, imr.el('button', {type: 'submit'}, 'Save name'));
  row.querySelector('.saved-actions').replaceChildren(form);
  input.focus();
}

function remove(s) {
  change('DELETE', `/api/saved-searches/${s.id}`);
}

async function change(method, path, body) {
  try {
    await imr.sendJson(method, path, body);
    await load();
  } catch (error) {
    if (error.status === 401) {
      imr.tokenField(document.getElementById('token-box'), () => change(method, path, body));
    } else {
      imr.showError(document.getElementById('token-box'), error);
    }
  }
}
