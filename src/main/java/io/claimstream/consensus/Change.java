package io.claimstream.consensus;

/**
 * A move of the consensus figure.
 *
 * @param before     the figure just before (as the standing showed it); null for the first figure of a key
 * @param after      the figure after; null when every claim was withdrawn
 * @param trigger    the claim (or retraction) whose arrival caused the move
 * @param eventTime  the trigger's event time
 * @param correction true when a late claim (event time older than the newest in the history) rewrote a figure that
 *                   had already been published
 * @param sources    how many sources stand behind the key after the change
 */
public record Change(Figure before, Figure after, Evidence trigger, long eventTime, boolean correction, int sources) {
}
