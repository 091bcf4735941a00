/** A pause between tries, for the trackers' retries (an LMS's late API, an LRS that is down). */
export const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
