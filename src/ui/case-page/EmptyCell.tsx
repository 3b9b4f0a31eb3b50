import type { DragEvent } from 'react';
import { messages } from '../i18n/messages';

interface Props {
  cellId: string;
  hidden: boolean;
  /** Not the cell a narrow screen shows alone (responsive.css hides it there). */
  soloOut: boolean;
  onFocus(cellId: string): void;
  onDragOver(e: DragEvent): void;
  onDrop(cellId: string, e: DragEvent): void;
}

/** A cell of the learner's layout that shows nothing yet: a drop target, and a focus target for a thumbnail click. */
export function EmptyCell({ cellId, hidden, soloOut, onFocus, onDragOver, onDrop }: Props) {
  return (
    <div className={soloOut ? 'viewport-cell solo-out' : 'viewport-cell'} hidden={hidden}>
      <div
        className="viewport viewport-empty"
        tabIndex={0}
        data-empty-cell={cellId}
        onFocus={() => onFocus(cellId)}
        onDragOver={onDragOver}
        onDrop={(e) => onDrop(cellId, e)}
      >
        <p>{messages.viewer.dropSeries}</p>
      </div>
    </div>
  );
}
