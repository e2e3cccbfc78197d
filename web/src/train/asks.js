// @ts-check
// Which reply about one row the training page shows. The learner's asks (a typed row, a clicked point or digit) are
// numbered; only the newest ask's reply counts, and a refresh of the shown row after a step is sent only while
// every ask is answered. So the row asked for last wins, in whatever order the worker's snapshots and replies
// come. Bookkeeping only: no DOM, no messages.

export function createAsks() {
  let made = 0;
  let answered = 0;
  return {
    /** The learner asks for a row: the new ask's number. */
    ask: () => ++made,
    /** The number a refresh of the shown row serves, or null while an ask is unanswered (its reply is newer). */
    refresh: () => (answered === made ? made : null),
    /** A reply (or an error) for ask `n` came: true when it is the newest ask's, to be shown; false when a newer
     * ask has been made since, so it is dropped. @param {number} n */
    answer: (n) => {
      if (n !== made) return false;
      answered = n;
      return true;
    },
  };
}
