// When the bell asks the server for the unread count. Every answered request restarts the
// session's idle clock on the server, so a poll on an unattended screen would keep the session
// alive for ever: the bell polls only while the page is visible and someone used it recently.

/** Poll every minute … */
export const POLL_MS = 60_000
/** … while the user touched, clicked or typed within the last five minutes. */
export const IDLE_AFTER_MS = 5 * 60_000

export function shouldPoll(now: number, lastInput: number, visible: boolean, idleAfter: number = IDLE_AFTER_MS): boolean {
  return visible && now - lastInput < idleAfter
}
