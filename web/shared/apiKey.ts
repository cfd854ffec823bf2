/**
 * The API key a person entered, kept for the browser session only (sessionStorage: gone when the
 * tab closes, never written to disk by the page), for servers that need a key for reads
 * (AUTH_REQUIRE_KEY_FOR_READS). Both pages share it: entered in one, it is used by the other.
 */

const STORAGE_KEY = 'attribution-graph.api-key';

export function apiKey(): string {
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    // Storage can be disabled by the browser's settings: then the key lives as long as the page.
    return memoryKey;
  }
}

let memoryKey = '';

export function setApiKey(key: string): void {
  const trimmed = key.trim();
  memoryKey = trimmed;
  try {
    if (trimmed === '') sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, trimmed);
  } catch {
    // See apiKey().
  }
}

/** The Authorization header for the key, or none. */
export function authorizationHeader(): Record<string, string> {
  const key = apiKey();
  return key === '' ? {} : { authorization: `Bearer ${key}` };
}

/** Binds an <input> to the session's key: filled from it, and saving to it as the person types. */
export function bindApiKeyInput(input: HTMLInputElement, onChange?: () => void): void {
  input.value = apiKey();
  input.addEventListener('change', () => {
    setApiKey(input.value);
    onChange?.();
  });
}
