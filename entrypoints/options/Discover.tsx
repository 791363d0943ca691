import { ReadDetection } from './ReadDetection';
import { Rules } from './Rules';

/** What Paperboy works out on this device, set up here: the user's rules and read detection. */
export function DiscoverOptions() {
  return (
    <>
      <Rules />
      <ReadDetection />
    </>
  );
}
