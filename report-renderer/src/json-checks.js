/** True for a JSON object (not an array, not null). */
export const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** True for a string with something other than white space in it. */
export const nonEmptyText = (value) => typeof value === 'string' && value.trim() !== '';
