/**
 * The chat page's script (plain browser JavaScript, no build): keeps a visitor id (a random
 * UUID, the only key to the visitor's replies) in localStorage, posts each message with its own
 * id (a retried post is not answered twice), waits out a 429 and sends again, draws replies,
 * buttons as chips and images, and polls for replies from a person.
 */
export const CHAT_SCRIPT = `
(() => {
  const log = document.getElementById('log');
  const form = document.getElementById('composer');
  const input = document.getElementById('text');
  // A version 4 UUID from the browser's secure random source, also where randomUUID is missing (plain http).
  const newId = () => {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  };
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
  let visitorId = localStorage.getItem('shopbot.visitor');
  if (!visitorId || !UUID.test(visitorId)) { visitorId = newId(); localStorage.setItem('shopbot.visitor', visitorId); }
  const saved = JSON.parse(sessionStorage.getItem('shopbot.log') || '[]');

  const scroll = () => { log.scrollTop = log.scrollHeight; };
  const remember = (entry) => { saved.push(entry); sessionStorage.setItem('shopbot.log', JSON.stringify(saved.slice(-200))); };

  function bubble(who, text) {
    const div = document.createElement('div');
    div.className = 'bubble ' + who;
    div.textContent = text;
    log.appendChild(div);
    return div;
  }

  function draw(entry, live) {
    if (entry.who === 'me') {
      const div = bubble('me', entry.text || '');
      if (entry.photo) { const img = document.createElement('img'); img.src = entry.photo; img.alt = ''; div.appendChild(img); }
      return;
    }
    const message = entry.message;
    if (message.kind === 'payment_qr') {
      const div = bubble('bot', message.caption || '');
      if (message.url) {
        const img = document.createElement('img');
        img.src = message.url; img.alt = 'VietQR ' + message.orderCode; img.className = 'qr';
        div.appendChild(img);
      }
      return;
    }
    if (message.kind === 'image') {
      const div = bubble('bot', message.caption || '');
      const img = document.createElement('img');
      img.src = message.url; img.alt = message.caption || '';
      div.appendChild(img);
      return;
    }
    bubble('bot', message.text);
    if (live && message.buttons && message.buttons.length) {
      const chips = document.createElement('div');
      chips.className = 'chips';
      for (const button of message.buttons) {
        const chip = document.createElement('button');
        chip.type = 'button'; chip.className = 'chip'; chip.textContent = button.label;
        chip.addEventListener('click', () => { chips.classList.add('used'); send({ button: button.value }, button.label); });
        chips.appendChild(chip);
      }
      log.appendChild(chips);
    }
  }

  function show(replies) {
    for (const reply of replies) { const entry = { who: 'bot', message: reply.message }; remember(entry); draw(entry, true); }
    scroll();
  }

  async function post(body, attempt, typing) {
    const response = await fetch('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status === 429 && attempt < 5) {
      // Sent faster than a person types: wait as long as the shop asks, showing the seconds, then send again.
      const seconds = Math.min(60, Number(response.headers.get('retry-after')) || 5);
      typing.textContent = '… ⏳ ' + seconds + ' s';
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      typing.textContent = '…';
      return post(body, attempt + 1, typing);
    }
    if (response.status === 429) return { error: document.body.dataset.offline };
    if (!response.ok && response.status >= 500 && attempt < 3) {
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      return post(body, attempt + 1, typing);
    }
    return response.json();
  }

  async function send(what, shown) {
    document.querySelectorAll('.chips').forEach((chips) => chips.classList.add('used'));
    const mine = { who: 'me', text: shown };
    remember(mine); draw(mine, true); scroll();
    const typing = document.createElement('div');
    typing.className = 'typing'; typing.textContent = '…';
    log.appendChild(typing); scroll();
    try {
      const data = await post(Object.assign({ visitorId, messageId: newId() }, what), 1, typing);
      typing.remove();
      if (data.error) { const e = document.createElement('div'); e.className = 'error'; e.textContent = data.error; log.appendChild(e); }
      else show(data.replies);
    } catch (error) {
      typing.textContent = document.body.dataset.offline;
    }
  }

  // A photo (a damaged parcel): the browser downsizes it first — long side at most 1600 px, a
  // JPEG of at most 1 MB, and no EXIF (a canvas keeps none) — then the server checks it again.
  const picker = document.getElementById('photo');
  const MAX_SIDE = 1600, MAX_BYTES = 1024 * 1024;
  async function downsized(file) {
    const image = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, MAX_SIDE / Math.max(image.width, image.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.width * scale)); canvas.height = Math.max(1, Math.round(image.height * scale));
    canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
    let blob = null;
    for (let quality = 0.85; quality >= 0.35; quality -= 0.1) {
      blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
      if (blob && blob.size <= MAX_BYTES) break;
    }
    return blob;
  }
  if (picker) picker.addEventListener('change', async () => {
    const file = picker.files && picker.files[0];
    picker.value = '';
    if (!file) return;
    // Not a picture the browser can read: sent as it is, and the shop says what is wrong with it.
    const blob = await downsized(file).catch(() => null) || file;
    const preview = bubble('me', '');
    const img = document.createElement('img'); img.src = URL.createObjectURL(blob); img.alt = ''; preview.appendChild(img);
    scroll();
    const body = new FormData();
    body.append('visitorId', visitorId); body.append('messageId', newId()); body.append('photo', blob, 'photo.jpg');
    try {
      const response = await fetch('/api/photo', { method: 'POST', body });
      const data = await response.json().catch(() => ({ error: document.body.dataset.offline }));
      if (data.error) { preview.classList.add('refused'); const e = document.createElement('div'); e.className = 'error'; e.textContent = data.error; log.appendChild(e); scroll(); return; }
      remember({ who: 'me', text: '', photo: data.url });
      await pull();
    } catch (error) {
      const e = document.createElement('div'); e.className = 'error'; e.textContent = document.body.dataset.offline; log.appendChild(e); scroll();
    }
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    send({ text }, text);
  });

  saved.forEach((entry, i) => draw(entry, i === saved.length - 1));
  scroll();
  if (saved.length === 0) send({ text: '/start' }, '👋');
  async function pull() {
    try {
      const response = await fetch('/api/chat?visitorId=' + encodeURIComponent(visitorId));
      if (response.ok) { const data = await response.json(); if (data.replies && data.replies.length) show(data.replies); }
    } catch (error) { /* offline: the next poll tries again */ }
  }
  setInterval(() => { if (!document.hidden) pull(); }, 5000);
  input.focus();
})();
`;
