import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';

const selectNotices = (s: AppState) => s.notices;
const selectDismiss = (s: AppState) => s.noticeDismissed;

/** Messages for the person. Text only: a message may quote a hostile link, and is never parsed as HTML. */
export function Notices() {
  const notices = useApp(selectNotices);
  const dismiss = useApp(selectDismiss);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice--${notice.tone}`} role={notice.tone === 'info' ? 'status' : 'alert'}>
          <p className="notice__text">{notice.text}</p>
          {notice.details.length > 0 && (
            <ul className="notice__details">
              {notice.details.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
          <button type="button" className="notice__close" onClick={() => dismiss(notice.id)} aria-label="Dismiss message">
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
