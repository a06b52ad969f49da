// The letter page: the structured summary beside the full text (query matches marked), and
// links to the most similar decisions of other letters.
'use strict';

document.addEventListener('DOMContentLoaded', async () => {
  const params = imr.params();
  const id = params.get('id');
  const q = params.get('q') || '';
  const container = document.getElementById('letter');
  document.getElementById('back').href = backTo(params);
  if (!id) {
    imr.showError(container, new Error('No letter id given.'));
    return;
  }
  try {
    const query = new URLSearchParams(q ? {q} : {});
    const view = await imr.getJson('/api/letters/' + encodeURIComponent(id), query);
    const letter = view.letter;
    document.title = 'imr-search: ' + (letter.caseNumber || id);
    container.replaceChildren(summary(letter, view), fullText(view));
    imrPacket.refresh();
    const first = container.querySelector('.letter-text mark');
    if (first) first.parentElement.scrollTop = Math.max(0, first.offsetTop - first.parentElement.offsetTop - 80);
    const current = container.querySelector('.decisions li.current');
    if (current) current.scrollIntoView({block: 'center'});
    similarState.decision = clickedDecision(params);
    similar(letter.id);
  } catch (error) {
    imr.showError(container, error);
  }
});

/**
 * The result page the user came from (the search passes its own address), else the search of
 * the query. Only a path on this site: never an address elsewhere.
 */
function backTo(params) {
  const back = params.get('back') || '';
  if (back.startsWith('/') && !back.startsWith('//') && !back.includes('\\')) return back;
  const q = params.get('q');
  return q ? '/?q=' + encodeURIComponent(q) : '/';
}

/** The decision number of the hit the user clicked ("CM16-0213037#2" is 2), or 0. */
function clickedDecision(params) {
  const match = /#(\d+)$/.exec(params.get('decision') || '');
  return match ? Number(match[1]) : 0;
}

function field(name, value) {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
    ? null
    : [imr.el('dt', {}, name), imr.el('dd', {}, Array.isArray(value) ? value.join(', ') : String(value))];
}

function summary(letter, view) {
  const r = letter.reviewer || {};
  const p = letter.patient || {};
  const facts = imr.el('dl', {class: 'facts'},
    field('Case number', letter.caseNumber), field('Decision date', letter.decisionDate),
    field('Date assigned', letter.dateAssigned), field('UR denial', letter.urDenialDate),
    field('Application received', letter.applicationReceived), field('Priority', letter.priority),
    field('Reviewer', r.title), field('Specialty', r.specialties), field('Licensure', r.licensure),
    field('Patient', [p.age ? p.age + ' years' : null, p.sex].filter(Boolean).join(', ')),
    field('Date of injury', p.injuryDate), field('Diagnoses', letter.diagnoses), field('Layout', letter.layout));
  const clicked = clickedDecision(imr.params());
  const decisions = imr.el('ol', {class: 'decisions'}, (letter.decisions || []).map((d, i) => imr.el('li', {
      id: 'decision-' + (i + 1), class: i + 1 === clicked ? 'current' : null,
      'aria-current': i + 1 === clicked ? 'true' : null},
    imr.el('div', {class: 'hit-head'}, imrPacket.checkbox(letter.id, i + 1, d.item),
      imr.outcomeBadge(d.outcome), imr.el('strong', {}, d.item)),
    d.itemContext ? imr.el('p', {class: 'muted'}, d.itemContext) : null,
    imr.el('p', {class: 'muted'}, d.treatmentCategory + ' \u00b7 reviewer: ' +
      (d.reviewerGuideline.sources.join(', ') || 'no guideline cited') + ' \u00b7 claims administrator: ' +
      (d.claimsAdministratorGuideline.sources.join(', ') || 'no guideline cited')),
    d.reviewerGuideline.citations.length
      ? imr.el('ul', {class: 'citations'}, d.reviewerGuideline.citations.map(c => imr.el('li', {}, c))) : null,
    imr.el('button', {type: 'button', class: 'find-similar', 'data-decision': String(i + 1),
      onclick: () => {
        similarState.decision = i + 1;
        similar(letter.id);
      }}, 'Similar decisions to this one'))));
  return imr.el('section', {class: 'letter-summary', 'aria-label': 'Summary'},
    imr.el('h1', {}, letter.caseNumber || 'Letter without a case number'), facts, original(view.original),
    imr.el('div', {class: 'decisions-head'}, imr.el('h2', {}, 'Decisions'), imrPacket.control()), decisions,
    (letter.warnings || []).length ? imr.el('p', {class: 'muted'}, 'Extraction notes: ' + letter.warnings.join('; ')) : null,
    imr.el('h2', {id: 'similar-heading'}, 'Similar decisions'),
    imr.el('div', {class: 'similar-controls'},
      imr.el('label', {for: 'similar-outcome'}, 'Outcome'),
      imr.el('select', {id: 'similar-outcome', onchange: event => {
        similarState.outcome = event.target.value;
        similar(letter.id);
      }}, imr.el('option', {value: ''}, 'any'), imr.el('option', {value: 'overturned'}, 'overturned'),
        imr.el('option', {value: 'upheld'}, 'upheld'))),
    imr.el('ol', {id: 'similar', class: 'similar'}, imr.el('li', {class: 'muted'}, 'Looking\u2026')));
}

/** The file the letter was ingested from: a link that opens it, its size and SHA-256. */
function original(file) {
  if (!file) return null;
  const size = file.bytes >= 1024 ? Math.round(file.bytes / 1024).toLocaleString() + ' KB' : file.bytes + ' bytes';
  return imr.el('dl', {class: 'facts original'},
    imr.el('dt', {}, 'Original'),
    imr.el('dd', {}, imr.el('a', {id: 'original-link', href: file.href, target: '_blank', rel: 'noopener'},
      file.fileName), ' (' + size + ')'),
    imr.el('dt', {}, 'SHA-256'), imr.el('dd', {class: 'sha'}, file.sha256));
}

function fullText(view) {
  const pre = imr.el('div', {class: 'letter-text', tabindex: '0'});
  if (view.markedText) pre.append(imr.marked(view.markedText));
  else pre.textContent = view.text;
  return imr.el('section', {class: 'letter-full', 'aria-label': 'Full text'}, imr.el('h2', {}, 'Full text'), pre);
}

/** Which decisions "similar" starts from (0: all of the letter's) and which outcome it keeps. */
const similarState = {decision: 0, outcome: ''};

async function similar(id) {
  const list = document.getElementById('similar');
  document.getElementById('similar-heading').textContent = similarState.decision
    ? `Similar decisions to decision ${similarState.decision}` : 'Similar decisions';
  const p = new URLSearchParams();
  if (similarState.decision) p.set('decision', String(similarState.decision));
  if (similarState.outcome) p.set('outcome', similarState.outcome);
  try {
    const hits = await imr.getJson('/api/letters/' + encodeURIComponent(id) + '/similar', p);
    list.replaceChildren(...(hits.length ? hits.map(h => imr.el('li', {},
      imr.outcomeBadge(h.outcome), ' ',
      imr.el('a', {href: '/letter.html?' + new URLSearchParams({id: h.letterId, decision: h.decisionId}),
        'data-keep-picks': ''}, h.item),
      imr.el('span', {class: 'muted'}, ' \u00b7 ' + (h.caseNumber || 'no case number'))))
      : [imr.el('li', {class: 'muted'}, 'None found.')]));
    imrPacket.refresh();
  } catch (error) {
    imr.showError(list, error);
  }
}
