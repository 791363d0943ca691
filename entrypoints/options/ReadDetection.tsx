import { ReadDetectionPanel } from '../../components/ReadDetectionPanel';
import { READ_SITES } from '../../utils/platform/config';
import { useReadDetection } from '../../utils/pages/use-read-detection';

const HOSTS = [...new Set(READ_SITES.map((site) => new URL(site.origin).host.replace(/^www\./, '')))];

/** The options page's read-detection section. */
export function ReadDetection() {
  const { on, message, setOn } = useReadDetection();
  return <ReadDetectionPanel on={on} message={message} hosts={HOSTS} onChange={setOn} />;
}
