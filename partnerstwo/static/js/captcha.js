// The captcha of the public forms: the site's own small client for the ALTCHA proof of work (PoW v2,
// PBKDF2) that partnerstwo/lib/captcha.py signs and checks. Ticking the box fetches a signed challenge
// from this site, finds the counter whose PBKDF2 key starts with the challenge's prefix (the browser's
// own WebCrypto does the work, off the page's thread), and puts the ALTCHA payload (base64 JSON of the
// challenge and the solution) in the hidden field "altcha". No third party; the texts come from the
// page (data-* attributes, translated by Django). Without JavaScript the widget stays hidden and the
// form's <noscript> explains why.
(() => {
  const hexToBytes = (hex) => Uint8Array.from(hex.match(/../g) || [], (pair) => parseInt(pair, 16));
  const bytesToHex = (bytes) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  const HASHES = { "PBKDF2/SHA-256": "SHA-256", "PBKDF2/SHA-384": "SHA-384", "PBKDF2/SHA-512": "SHA-512" };

  async function derive(parameters, salt, password) {
    const key = await crypto.subtle.importKey("raw", password, "PBKDF2", false, ["deriveBits"]);
    const bits = await crypto.subtle.deriveBits(
      { name: "PBKDF2", salt, iterations: parameters.cost, hash: HASHES[parameters.algorithm] },
      key, (parameters.keyLength || 32) * 8,
    );
    return new Uint8Array(bits);
  }

  async function solve(challenge, signal) {
    const parameters = challenge.parameters;
    if (!HASHES[parameters.algorithm]) throw new Error(`unsupported algorithm ${parameters.algorithm}`);
    const nonce = hexToBytes(parameters.nonce);
    const salt = hexToBytes(parameters.salt);
    const prefix = parameters.keyPrefix.toLowerCase();
    const password = new Uint8Array(nonce.length + 4);  // the nonce, then the counter as a big-endian uint32
    password.set(nonce);
    const view = new DataView(password.buffer);
    for (let counter = 0; counter < 2 ** 32; counter += 1) {
      if (signal.aborted) return null;
      view.setUint32(nonce.length, counter, false);
      const derivedKey = bytesToHex(await derive(parameters, salt, password));
      if (derivedKey.startsWith(prefix)) return { counter, derivedKey };
    }
    return null;
  }

  function setUp(widget) {
    const box = widget.querySelector("input[type=checkbox]");
    const field = widget.querySelector("input[type=hidden]");
    const status = widget.querySelector("[role=status]");
    const texts = widget.dataset;
    let controller = null;
    let expiry = null;

    const show = (state, text) => {
      widget.dataset.state = state;
      status.textContent = text;
    };
    const reset = () => {
      controller?.abort();
      clearTimeout(expiry);
      field.value = "";
      box.checked = false;
      box.disabled = false;
    };

    box.addEventListener("change", async () => {
      if (!box.checked) {
        reset();
        show("idle", "");
        return;
      }
      controller = new AbortController();
      const { signal } = controller;
      box.disabled = true;  // until solved: a second click would start again
      show("working", texts.working);
      try {
        const response = await fetch(texts.challengeUrl, { headers: { Accept: "application/json" }, signal });
        if (!response.ok) throw new Error(`challenge: HTTP ${response.status}`);
        const challenge = await response.json();
        const solution = await solve(challenge, signal);
        if (!solution) return;
        field.value = btoa(JSON.stringify({ challenge, solution }));
        box.disabled = false;
        show("verified", texts.verified);
        // The challenge's lifetime by the server's clock (its Date header), not this computer's, which may be wrong.
        const lifetime = challenge.parameters.expiresAt * 1000 - Date.parse(response.headers.get("Date"));
        if (lifetime > 0) {
          expiry = setTimeout(() => { reset(); show("expired", texts.expired); }, lifetime);
        }
      } catch (error) {
        if (signal.aborted) return;
        reset();
        show("error", texts.failed);
        console.error("captcha:", error);
      }
    });
    if (!window.isSecureContext || !crypto.subtle) {
      show("error", texts.failed);
      box.disabled = true;
    }
    widget.hidden = false;
  }

  document.querySelectorAll("[data-captcha]").forEach(setUp);
})();
