/** How long to wait for a frame that may never come (a hidden page paints none). */
const NO_FRAME_MS = 100;

/**
 * Runs `work` once the next frame has been painted: a task after the next animation frame, or
 * after NO_FRAME_MS when the page paints none. For what can wait a frame (the rest of a thread's
 * first page, the requests a selection sets off that the agent does not wait for), so it does not
 * hold up that frame. Returns the cancel.
 */
export function afterNextPaint(work: () => void): () => void {
  let done = false;
  let task: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    task = setTimeout(work, 0);
  };
  const frame = requestAnimationFrame(run);
  const fallback = setTimeout(run, NO_FRAME_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    clearTimeout(task);
  };
}
