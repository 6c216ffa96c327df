/** Server Actions receive plain objects from forms driven by react-hook-form, or FormData from plain forms. */
export function formInput(input: unknown): unknown {
  if (input instanceof FormData) {
    const out: Record<string, FormDataEntryValue> = {};
    for (const [key, value] of input.entries()) if (!key.startsWith("$ACTION")) out[key] = value;
    return out;
  }
  return input;
}
