// "Save this search" on the search page: the words and filters in the URL, saved under a name; its
// feed and the other saved searches are on /saved.html.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('save-search').addEventListener('click', openSaveForm);
});

/** Parameters of the search page that are not filters. */
const NOT_FILTERS = new Set(['q', 'sort', 'page', 'after', 'size']);

function openSaveForm() {
  const box = document.getElementById('save-box');
  const params = imr.params();
  const input = imr.el('input', {id: 'save-name', type: 'text', maxlength: '200',
    value: params.get('q') || 'All decisions'});
  const form = imr.el('form', {class: 'save-form', onsubmit: event => {
    event.preventDefault();
    save(input.value, params);
  }}, imr.el('label', {for: 'save-name'}, 'Name '), input, imr.el('button', {type: 'submit'}, 'Save'));
  box.replaceChildren(form);
  input.select();
}

async function save(name, params) {
  const box = document.getElementById('save-box');
  const filters = {};
  for (const [key, value] of params) {
    if (!NOT_FILTERS.has(key) && value) (filters[key] = filters[key] || []).push(value);
  }
  try {
    const saved = await imr.sendJson('POST', '/api/saved-searches', {name, q: params.get('q') || '', filters});
    box.replaceChildren(imr.el('p', {class: 'saved-note', role: 'status'}, `Saved \u201c${saved.name}\u201d. `,
      imr.el('a', {href: '/saved.html'}, 'Saved searches and their feeds'), ' \u00b7 ',
      imr.el('a', {href: `/api/saved-searches/${saved.id}/feed`}, 'Atom feed')));
  } catch (error) {
    if (error.status === 401) imr.tokenField(box, () => save(name, params));
    else imr.showError(box, error);
  }
}
