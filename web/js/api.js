// The JSON API of `faultline serve` (docs/serve.md).

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// GET /api/<path>?<params>; params with empty values are left out. Aborts with `signal`.
export async function getJson(path, params = {}, signal = undefined) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') query.set(k, v);
  const url = `api/${path}${query.toString() ? `?${query}` : ''}`;
  const res = await fetch(url, {signal, headers: {Accept: 'application/json'}});
  let body = null;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(res.status, 'bad_response', `the server answered ${res.status} without JSON`);
  }
  if (!res.ok) {
    const e = body && body.error ? body.error : {code: 'error', message: `HTTP ${res.status}`};
    throw new ApiError(res.status, e.code, e.message);
  }
  return body;
}

export const enc = encodeURIComponent;
