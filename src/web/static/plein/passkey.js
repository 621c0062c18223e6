// Passkeys (WebAuthn) for Burgernetplein: a button with data-passkey="login" or "register" fetches options
// from data-options, asks the browser, and posts the result to data-verify; the server answers where to go.
(() => {
  // The texts, from the page (the server's message catalogue).
  const texts = JSON.parse(document.getElementById('texts-passkey').textContent);
  const csrf = () => document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
  const toBytes = (b64url) => {
    const b64 = b64url.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((b64url.length + 3) % 4);
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  };
  const toB64url = (buffer) => {
    const bytes = new Uint8Array(buffer);
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  const post = async (url, body) => {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf() },
      body: JSON.stringify(body ?? {}),
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(json.detail || json.title || texts.failed);
    return json;
  };

  async function register(options) {
    const publicKey = {
      ...options,
      challenge: toBytes(options.challenge),
      user: { ...options.user, id: toBytes(options.user.id) },
      excludeCredentials: (options.excludeCredentials ?? []).map((c) => ({ ...c, id: toBytes(c.id) })),
    };
    const credential = await navigator.credentials.create({ publicKey });
    const r = credential.response;
    return {
      id: credential.id,
      rawId: toB64url(credential.rawId),
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
      response: {
        clientDataJSON: toB64url(r.clientDataJSON),
        attestationObject: toB64url(r.attestationObject),
        transports: typeof r.getTransports === 'function' ? r.getTransports() : [],
      },
    };
  }

  async function authenticate(options) {
    const publicKey = {
      ...options,
      challenge: toBytes(options.challenge),
      allowCredentials: (options.allowCredentials ?? []).map((c) => ({ ...c, id: toBytes(c.id) })),
    };
    const credential = await navigator.credentials.get({ publicKey });
    const r = credential.response;
    return {
      id: credential.id,
      rawId: toB64url(credential.rawId),
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
      response: {
        clientDataJSON: toB64url(r.clientDataJSON),
        authenticatorData: toB64url(r.authenticatorData),
        signature: toB64url(r.signature),
        userHandle: r.userHandle ? toB64url(r.userHandle) : undefined,
      },
    };
  }

  for (const button of document.querySelectorAll('[data-passkey]')) {
    const error = button.parentElement.querySelector('[data-passkey-error]');
    if (!window.PublicKeyCredential) {
      button.disabled = true;
      if (error) {
        error.textContent = texts.unsupported;
        error.hidden = false;
      }
      continue;
    }
    button.addEventListener('click', async () => {
      button.disabled = true;
      if (error) error.hidden = true;
      try {
        const options = await post(button.dataset.options);
        const result = button.dataset.passkey === 'register' ? { label: texts.newLabel, response: await register(options) } : await authenticate(options);
        const next = await post(button.dataset.verify, result);
        window.location.assign(next.location || '/plein');
      } catch (e) {
        if (error) {
          error.textContent = e instanceof Error && e.name !== 'NotAllowedError' ? e.message : texts.notUsed;
          error.hidden = false;
        }
        button.disabled = false;
      }
    });
  }
})();
