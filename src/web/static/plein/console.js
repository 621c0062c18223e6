// The meldkamer console: choose an area on the map, see the reach, write the message, start, follow progress
// and tips, send updates, widen, close or withdraw. Talks to /api/v1 with the session cookie and CSRF token.
(() => {
  const root = document.getElementById('console');
  if (!root || !window.L) return;
  const $ = (id) => document.getElementById(id);
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
  const types = JSON.parse(root.dataset.types || '[]');
  // The texts, from the page (the server's message catalogue); a {name} in them is a value filled in here.
  const T = JSON.parse($('texts-console').textContent);
  /** The template's pieces, each {name} replaced by values[name]: a text, a number or an element (never read as HTML). */
  const parts = (template, values) => template.split(/\{(\w+)\}/).map((piece, i) => (i % 2 === 1 ? values[piece] ?? `{${piece}}` : piece)).filter((piece) => piece !== '');
  const fill = (template, values) => parts(template, values).join('');
  const el = (tag, attributes, ...children) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.append(...children);
    return element;
  };
  const typeLabel = () => types.find((t) => t.type === $('type').value)?.label;
  const charactersText = () => fill(T.characters, { n: $('bericht').value.length });

  async function api(method, path, body) {
    const response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { 'x-csrf-token': csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    if (response.status === 401) {
      window.location.assign('/plein/inloggen?verlopen=1');
      throw new Error(T.sessionExpired);
    }
    const json = response.status === 204 ? {} : await response.json().catch(() => ({}));
    if (!response.ok) {
      const fields = (json.errors || []).map((e) => e.message).join(' ');
      const error = new Error([json.title, json.detail, fields].filter(Boolean).join(': ') || T.failed);
      error.code = json.code;
      throw error;
    }
    return json;
  }
  const showError = (id, error) => {
    const el = $(id);
    if (!error) {
      el.hidden = true;
      el.textContent = '';
      return;
    }
    el.textContent = error instanceof Error ? error.message : String(error);
    el.hidden = false;
  };
  const debounce = (fn, ms) => {
    let timer = null;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  };
  const timeText = (iso) => (iso ? new Date(iso).toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam' }) : '–');

  // --- Map: gemeente boundaries as base layer (works without internet), optional tiles on top.
  const map = L.map('kaart', { zoomControl: true, doubleClickZoom: false }).setView([52.2, 5.3], 8);
  if (root.dataset.tileUrl) L.tileLayer(root.dataset.tileUrl, { attribution: root.dataset.attribution, maxZoom: 19 }).addTo(map);
  fetch('/plein/kaart/gemeenten.geojson', { credentials: 'same-origin' })
    .then((r) => r.json())
    .then((geo) => {
      L.geoJSON(geo, { style: { color: '#154273', weight: 1, fillColor: '#dfe7f1', fillOpacity: root.dataset.tileUrl ? 0.05 : 0.6 } })
        .bindTooltip((layer) => layer.feature.properties.name, { sticky: true })
        .addTo(map)
        .bringToBack();
    })
    .catch(() => {});
  map.attributionControl.addAttribution(T.mapAttribution);

  const state = { centre: null, shape: 'circle', radius: 1000, polygon: [], closed: false, action: null, progressSource: null, tipSource: null, callSource: null };
  let areaLayer = null;
  let markerLayer = null;

  function area() {
    if (state.shape === 'polygon') {
      if (!state.closed || state.polygon.length < 3) return null;
      const ring = state.polygon.map((p) => [Number(p.lng.toFixed(6)), Number(p.lat.toFixed(6))]);
      ring.push(ring[0]);
      return { kind: 'polygon', ...(state.centre ? { centre: { lat: state.centre.lat, lon: state.centre.lng } } : {}), polygon: { type: 'Polygon', coordinates: [ring] } };
    }
    if (!state.centre) return null;
    return { kind: 'circle', centre: { lat: Number(state.centre.lat.toFixed(6)), lon: Number(state.centre.lng.toFixed(6)) }, radiusMetres: state.radius };
  }

  function drawArea() {
    if (areaLayer) areaLayer.remove();
    if (markerLayer) markerLayer.remove();
    areaLayer = null;
    if (state.centre) markerLayer = L.circleMarker(state.centre, { radius: 6, color: '#b3400d', fillOpacity: 1 }).addTo(map);
    if (state.shape === 'circle' && state.centre) areaLayer = L.circle(state.centre, { radius: state.radius, color: '#b3400d', weight: 2, fillOpacity: 0.15, className: 'incident-area' }).addTo(map);
    if (state.shape === 'polygon' && state.polygon.length > 0) {
      areaLayer = (state.closed ? L.polygon(state.polygon, { color: '#b3400d', weight: 2, fillOpacity: 0.15, className: 'incident-area' }) : L.polyline(state.polygon, { color: '#b3400d', weight: 2, dashArray: '4 4' })).addTo(map);
    }
    root.dataset.area = area() ? 'ja' : 'nee';
    refreshReach();
  }

  map.on('click', (e) => {
    if (state.shape === 'polygon') {
      if (state.closed) {
        state.polygon = [];
        state.closed = false;
      }
      state.polygon.push(e.latlng);
      if (!state.centre) state.centre = e.latlng;
    } else {
      state.centre = e.latlng;
    }
    drawArea();
  });
  map.on('dblclick', () => {
    if (state.shape === 'polygon' && state.polygon.length >= 3) {
      state.closed = true;
      drawArea();
    }
  });
  // Keyboard on the map: Enter places the incident at the map's centre.
  $('kaart').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      state.centre = map.getCenter();
      drawArea();
    }
  });

  for (const radio of document.querySelectorAll('input[name="vorm"]')) {
    radio.addEventListener('change', () => {
      state.shape = radio.value;
      state.polygon = [];
      state.closed = false;
      drawArea();
    });
  }
  $('straal').addEventListener('input', () => {
    state.radius = Number($('straal').value);
    $('straal-waarde').textContent = String(state.radius);
    drawArea();
  });

  $('adres-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    showError('adres-fout', null);
    try {
      const found = await api('POST', '/plein/console/adres', { postcode: $('adres-postcode').value, houseNumber: $('adres-huisnummer').value });
      state.centre = L.latLng(found.lat, found.lon);
      map.setView(state.centre, 13);
      drawArea();
    } catch (error) {
      showError('adres-fout', error);
    }
  });

  // --- Reach and the message: the server counts recipients per channel and SMS parts as the area or text changes.
  const draft = () => ({
    type: $('type').value,
    message: $('bericht').value.trim(),
    description: $('omschrijving').value.trim() || undefined,
    instructions: $('instructies').value.trim() || undefined,
  });
  let reachSeq = 0;
  const refreshReach = debounce(async () => {
    const a = area();
    const seq = ++reachSeq;
    if (!a) {
      $('bereik').replaceChildren(el('p', {}, T.reachEmpty));
      return;
    }
    const d = draft();
    try {
      const body = { area: a, ...(d.message ? { draft: d } : {}), ...(state.action && state.action.status === 'actief' ? { actionId: state.action.id } : {}) };
      const reach = await api('POST', '/api/v1/reach-estimates', body);
      if (seq !== reachSeq) return;
      const channels = Object.entries(reach.byChannel).map(([c, n]) => el('li', {}, el('span', {}, T.channels[c] ?? c), ' ', el('strong', { 'data-kanaal': c }, n)));
      const recipients = el('strong', { 'data-bereik': '' }, reach.recipients);
      $('bereik').replaceChildren(
        el('p', {}, ...parts(state.action && state.action.status === 'actief' ? T.reachNew : T.reach, { n: recipients })),
        el('ul', { class: 'channels' }, ...channels),
        ...(reach.outsideTimeWindow > 0 ? [el('p', { class: 'muted' }, fill(T.outsideTimeWindow, { n: reach.outsideTimeWindow }))] : []),
      );
      if (reach.sms) {
        const smsParts = fill(reach.sms.parts === 1 ? T.smsParts.one : T.smsParts.other, { n: reach.sms.parts });
        $('teller').textContent = fill(T.smsCounter, { characters: charactersText(), units: reach.sms.units, encoding: reach.sms.encoding === 'ucs2' ? T.encodings.ucs2 : T.encodings.gsm, parts: smsParts });
        $('teller').dataset.parts = String(reach.sms.parts);
        renderPreview(reach.sms.text);
      }
    } catch (error) {
      if (seq === reachSeq) $('bereik').innerHTML = '';
      if (seq === reachSeq) $('bereik').append(Object.assign(document.createElement('p'), { className: 'error-message', textContent: error.message }));
    }
  }, 250);

  function renderPreview(smsText) {
    const box = $('voorbeeld-inhoud');
    box.replaceChildren();
    const add = (label, text) => {
      const h = document.createElement('h3');
      h.textContent = label;
      const p = document.createElement('p');
      p.className = 'preview';
      p.textContent = text;
      box.append(h, p);
    };
    add(T.previewSms, smsText);
    add(T.previewVoice, fill(T.voicePreview, { message: draft().message, description: draft().description ?? '' }).trim());
    add(T.previewApp, fill(T.appPreview, { type: typeLabel() ?? '', message: draft().message }));
  }

  function applyTemplate() {
    const t = types.find((x) => x.type === $('type').value);
    $('instructies-veld').hidden = $('type').value !== 'noodsituatie';
    $('vermist-kind').disabled = $('type').value !== 'vermissing';
    if (!$('bericht').dataset.edited && t) $('bericht').value = t.template;
    $('teller').textContent = charactersText();
    refreshReach();
  }
  $('type').addEventListener('change', applyTemplate);
  for (const id of ['bericht', 'omschrijving', 'instructies']) {
    $(id).addEventListener('input', () => {
      if (id === 'bericht') $('bericht').dataset.edited = $('bericht').value ? 'ja' : '';
      $('teller').textContent = charactersText();
      refreshReach();
    });
  }
  applyTemplate();

  // --- Start: one confirming step, then create and start (or wait for a second centralist's approval).
  $('start-knop').addEventListener('click', () => {
    showError('start-fout', null);
    const a = area();
    if (!a) return showError('start-fout', T.areaFirst);
    if (!$('bericht').value.trim()) return showError('start-fout', T.messageFirst);
    const reach = document.querySelector('[data-bereik]')?.textContent ?? '?';
    const box = $('bevestig-inhoud');
    box.replaceChildren();
    const p1 = document.createElement('p');
    p1.textContent = fill(T.confirm, { type: typeLabel(), n: reach });
    const p2 = document.createElement('p');
    p2.className = 'preview';
    p2.textContent = $('voorbeeld-inhoud').querySelector('.preview')?.textContent ?? $('bericht').value;
    box.append(p1, p2);
    $('bevestig').showModal();
    $('bevestig-ja').focus();
  });
  $('bevestig-nee').addEventListener('click', () => $('bevestig').close());
  $('bevestig-ja').addEventListener('click', async () => {
    $('bevestig-ja').disabled = true;
    try {
      const body = { ...draft(), missingChild: $('vermist-kind').checked && $('type').value === 'vermissing', area: area() };
      const meldkamer = $('meldkamer');
      if (meldkamer) body.meldkamerCode = meldkamer.value;
      const created = state.action && state.action.status === 'concept' ? state.action : await api('POST', '/api/v1/actions', body);
      state.action = created;
      try {
        state.action = await api('POST', `/api/v1/actions/${created.id}/start`, {});
      } catch (error) {
        if (error.code === 'action.approval-required') {
          $('bevestig').close();
          showError('start-fout', fill(T.approvalRequired, { number: created.number }));
          return;
        }
        throw error;
      }
      $('bevestig').close();
      showRunning();
    } catch (error) {
      $('bevestig').close();
      showError('start-fout', error);
    } finally {
      $('bevestig-ja').disabled = false;
    }
  });

  // --- Running: progress as numbers and a curve, tips and routed calls live.
  const chart = new window.BurgernetChart($('voortgang-grafiek'), T.chartLabels);
  function showRunning() {
    const a = state.action;
    $('stap-lopend').hidden = false;
    $('stap-bericht').hidden = true;
    $('actie-nummer').textContent = a.number;
    $('actie-status').textContent = a.status;
    chart.reset();
    state.progressSource?.close();
    state.progressSource = new EventSource(`/api/v1/actions/${a.id}/progress/stream`);
    state.progressSource.addEventListener('progress', (e) => renderProgress(JSON.parse(e.data)));
    startTips(a.id);
    $('kop-lopend').scrollIntoView();
  }

  function renderProgress(p) {
    const t = p.totals;
    const sent = t.submitted + t.delivered + t.failed + t.expired;
    const byChannel = {};
    for (const kind of Object.values(p.byKind)) {
      for (const [channel, counts] of Object.entries(kind)) {
        const c = (byChannel[channel] ??= { total: 0, sent: 0, delivered: 0, failed: 0 });
        c.total += Object.values(counts).reduce((s, n) => s + n, 0) - counts.cancelled;
        c.sent += counts.submitted + counts.delivered + counts.failed + counts.expired;
        c.delivered += counts.delivered;
        c.failed += counts.failed + counts.expired;
      }
    }
    const rows = Object.entries(byChannel)
      .filter(([, c]) => c.total > 0)
      .map(([ch, c]) => el('tr', {}, el('th', { scope: 'row' }, T.channels[ch] ?? ch), ...[c.total, c.sent, c.delivered, c.failed].map((n) => el('td', {}, n))));
    $('actie-status').textContent = p.status;
    if (state.action) state.action.status = p.status;
    const columns = T.progressColumns;
    const counts = { sent: el('strong', { 'data-verzonden': '' }, sent), delivered: el('strong', { 'data-afgeleverd': '' }, t.delivered), failed: t.failed + t.expired, queued: t.queued + t.sending };
    $('voortgang').replaceChildren(
      el('p', {}, ...parts(T.progress, counts)),
      el('table', { class: 'compact' },
        el('thead', {}, el('tr', {}, ...[columns.channel, columns.recipients, columns.sent, columns.delivered, columns.failed].map((label) => el('th', { scope: 'col' }, label)))),
        el('tbody', {}, ...rows)),
      el('p', { class: 'muted' }, fill(T.progressTimes, { first: timeText(p.firstSubmittedAt), last: timeText(p.lastSubmittedAt) })),
    );
    chart.add(Date.now(), sent, t.delivered);
  }

  function addTip(item) {
    const list = $('tips');
    list.querySelector('.muted')?.remove();
    const li = document.createElement('li');
    li.className = `tip tip-${item.kind}`;
    const when = document.createElement('time');
    when.textContent = timeText(item.at);
    li.append(when, ' ');
    const text = document.createElement('span');
    text.textContent = item.text;
    li.append(text);
    if (item.photo) {
      const img = document.createElement('img');
      img.src = item.photo;
      img.alt = T.tipPhotoAlt;
      img.className = 'tip-photo';
      li.append(img);
    }
    list.prepend(li);
  }

  function startTips(actionId) {
    state.tipSource?.close();
    state.callSource?.close();
    $('tips').replaceChildren(el('li', { class: 'muted' }, T.noTips));
    state.tipSource = new EventSource(`/api/v1/actions/${actionId}/tips/stream`);
    state.tipSource.addEventListener('tip', (e) => {
      const tip = JSON.parse(e.data);
      addTip({
        kind: 'app',
        at: tip.receivedAt,
        text: fill(tip.callbackRequested ? T.appTipCallback : T.appTip, { text: tip.text ?? '' }),
        photo: tip.photo ? tip.photo.url : null,
      });
    });
    state.tipSource.onerror = () => {
      if (state.tipSource.readyState === EventSource.CLOSED) state.tipSource = null;
    };
    state.callSource = new EventSource(`/plein/console/acties/${actionId}/oproepen`);
    state.callSource.addEventListener('call', (e) => {
      const call = JSON.parse(e.data);
      addTip({ kind: 'call', at: call.at, text: T.call });
    });
  }

  const afterChange = (updated) => {
    state.action = updated.action ?? updated;
    $('actie-status').textContent = state.action.status;
  };
  const run = (button, work) =>
    $(button).addEventListener('click', async () => {
      showError('lopend-fout', null);
      $(button).disabled = true;
      try {
        await work();
      } catch (error) {
        showError('lopend-fout', error);
      } finally {
        $(button).disabled = false;
      }
    });
  run('vervolg-knop', async () => {
    afterChange(await api('POST', `/api/v1/actions/${state.action.id}/updates`, { text: $('vervolg').value.trim() }));
    $('vervolg').value = '';
  });
  run('verruim-knop', async () => afterChange(await api('POST', `/api/v1/actions/${state.action.id}/widen`, { area: area() })));
  run('afsluit-knop', async () => {
    if (!window.confirm(T.confirmClose)) return;
    const closingText = $('afloop').value.trim();
    afterChange(await api('POST', `/api/v1/actions/${state.action.id}/close`, { result: $('resultaat').value, ...(closingText ? { closingText } : {}) }));
  });
  run('intrek-knop', async () => {
    if (!window.confirm(T.confirmWithdraw)) return;
    afterChange(await api('POST', `/api/v1/actions/${state.action.id}/withdraw`, {}));
  });
  $('foto-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    showError('lopend-fout', null);
    const file = $('foto').files[0];
    if (!file || !state.action) return;
    const form = new FormData();
    form.append('photo', file);
    const response = await fetch(`/api/v1/actions/${state.action.id}/photo`, { method: 'PUT', credentials: 'same-origin', headers: { 'x-csrf-token': csrf }, body: form });
    if (!response.ok) {
      const json = await response.json().catch(() => ({}));
      showError('lopend-fout', [json.title, json.detail].filter(Boolean).join(': ') || T.photoFailed);
    } else {
      $('foto-blok').querySelector('summary').textContent = T.photoPlaced;
    }
  });
  $('nieuw-knop').addEventListener('click', () => {
    state.progressSource?.close();
    state.tipSource?.close();
    state.callSource?.close();
    state.action = null;
    $('stap-lopend').hidden = true;
    $('stap-bericht').hidden = false;
    $('bericht').dataset.edited = '';
    applyTemplate();
  });

  // --- Keyboard shortcuts for the frequent steps (not while typing).
  const details = (inner) => {
    const d = $(inner).closest('details');
    if (d) d.open = true;
    $(inner).focus();
  };
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const tag = document.activeElement?.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || $('bevestig').open) return;
    const keys = {
      g: () => $('adres-postcode').focus(),
      r: () => document.querySelector('input[name="vorm"][value="circle"]').click() || $('straal').focus(),
      p: () => document.querySelector('input[name="vorm"][value="polygon"]').click(),
      t: () => $('type').focus(),
      b: () => $('bericht').focus(),
      s: () => !$('stap-bericht').hidden && $('start-knop').click(),
      v: () => !$('stap-lopend').hidden && details('vervolg'),
      a: () => !$('stap-lopend').hidden && details('resultaat'),
      h: () => window.location.assign('/plein/acties'),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  });
})();
