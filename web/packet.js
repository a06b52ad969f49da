// Picking decisions for a precedent packet, on any page that lists decisions. The picks live in
// the page's URL (?pick=CM16-0213037:1,CM17-0004738:2), so they survive reload and back, and
// links marked data-keep-picks carry them to the next page. A page adds one checkbox per decision
// (imrPacket.checkbox) and one "Packet (n)" control (imrPacket.control); both follow every change.
'use strict';

const imrPacket = {
  /** Parameters of a page that are not the search's words or filters (not for the cover). */
  NOT_SEARCH: ['pick', 'page', 'size', 'sort', 'after', 'id', 'decision', 'back', 'format', 'ids'],

  /** As many decisions as one packet holds (the API refuses more). */
  MAX: 100,

  /** The picks in the URL, in the order picked: ["CM16-0213037:1", ...]. */
  picks() {
    return (imr.params().get('pick') || '').split(',').filter(p => /^.+:\d+$/.test(p));
  },

  /** Sets the picks in the URL (replacing the entry: ticking is not a page to go back to). */
  setPicks(picks) {
    const params = imr.params();
    if (picks.length) params.set('pick', picks.join(','));
    else params.delete('pick');
    // Not imr.setParams, which keeps the current picks.
    history.replaceState(null, '', window.location.pathname + (params.toString() ? '?' + params : ''));
    imrPacket.refresh();
  },

  toggle(pick, on) {
    const picks = imrPacket.picks().filter(p => p !== pick);
    if (on) picks.push(pick);
    imrPacket.setPicks(picks);
  },

  /** A labelled checkbox that adds decision {@code number} of letter {@code letterId}. */
  checkbox(letterId, number, what) {
    const pick = letterId + ':' + number;
    const box = imr.el('input', {type: 'checkbox', class: 'pick', 'data-pick': pick,
      'aria-label': 'Add to packet: ' + what, onchange: event => imrPacket.toggle(pick, event.target.checked)});
    box.checked = imrPacket.picks().includes(pick);
    return imr.el('label', {class: 'pick-label', title: 'Add this decision to the packet'}, box,
      imr.el('span', {class: 'visually-hidden'}, 'Add to packet'));
  },

  /** The query and filters the picks came from: the search's own page, or the one "back" names. */
  searchParams() {
    const params = imr.params();
    const back = params.get('back');
    const source = back && back.startsWith('/') ? new URL(back, window.location.origin).searchParams : params;
    const search = new URLSearchParams();
    for (const [key, value] of source) {
      if (!imrPacket.NOT_SEARCH.includes(key) && value !== '') search.append(key, value);
    }
    return search;
  },

  href(format) {
    const p = imrPacket.searchParams();
    p.set('ids', imrPacket.picks().join(','));
    p.set('format', format);
    return '/api/packet?' + p.toString();
  },

  /** The "Packet (n)" download, its printable page, and a way to start again. */
  control() {
    return imr.el('span', {class: 'packet-control'},
      imr.el('a', {id: 'packet-link', download: ''}),
      imr.el('a', {id: 'packet-html', target: '_blank', rel: 'noopener'}, 'printable'),
      imr.el('button', {type: 'button', id: 'packet-clear', class: 'link-button',
        onclick: () => imrPacket.setPicks([])}, 'clear'));
  },

  /** Brings every checkbox, control and picks-carrying link in line with the URL. */
  refresh() {
    const picks = imrPacket.picks();
    document.querySelectorAll('input.pick').forEach(box => {
      box.checked = picks.includes(box.dataset.pick);
    });
    const link = document.getElementById('packet-link');
    if (link) {
      const ok = picks.length > 0 && picks.length <= imrPacket.MAX;
      link.textContent = picks.length <= imrPacket.MAX ? `Packet (${picks.length})`
        : `Packet (${picks.length}: at most ${imrPacket.MAX})`;
      for (const [el, format] of [[link, 'pdf'], [document.getElementById('packet-html'), 'html']]) {
        if (ok) el.href = imrPacket.href(format);
        else el.removeAttribute('href');
        el.setAttribute('aria-disabled', String(!ok));
      }
      document.getElementById('packet-html').hidden = !picks.length;
      document.getElementById('packet-clear').hidden = !picks.length;
    }
    document.querySelectorAll('a[data-keep-picks]').forEach(a => {
      const url = new URL(a.getAttribute('href'), window.location.origin);
      if (!picks.length && !url.searchParams.has('pick')) return; // left exactly as built
      if (picks.length) url.searchParams.set('pick', picks.join(','));
      else url.searchParams.delete('pick');
      a.setAttribute('href', url.pathname + url.search + url.hash);
    });
  },
};
