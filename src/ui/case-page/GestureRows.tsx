import { GESTURES, INPUT_DEVICE } from '../../viewer/gestures';
import { messages } from '../i18n/messages';

const m = messages.gestures;
const DEVICES = ['mouse', 'touch'] as const;

/**
 * The shortcut sheet's mouse and touch sections, generated from the viewer's gesture table (the one its tool
 * bindings and double-click handling read): one row per action a device can do, its inputs joined.
 */
export function GestureRows() {
  return (
    <>
      {DEVICES.map((device) => (
        <section key={device} aria-label={m.devices[device]}>
          <h3>{m.devices[device]}</h3>
          <dl>
            {GESTURES.map((g) => {
              const inputs = g.inputs.filter((i) => INPUT_DEVICE[i] === device).map((i) => m.inputs[i]);
              if (inputs.length === 0) return null;
              return (
                <div key={g.action} className="shortcut-row">
                  <dt>{inputs.reduce((a, b) => m.or(a, b))}</dt>
                  <dd>{m.actions[g.action]}</dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </>
  );
}
