import { Button, Dialog, Heading, Modal } from 'react-aria-components';

export interface ConfirmDialogProps {
  isOpen: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  isDestructive?: boolean;
}

/**
 * A modal confirmation: focus is trapped inside, Escape cancels, and Cancel has initial focus so
 * that a stray Enter never confirms a destructive action.
 */
export function ConfirmDialog({ isOpen, title, body, confirmLabel, cancelLabel, onConfirm, onCancel, isDestructive }: ConfirmDialogProps) {
  return (
    <Modal isOpen={isOpen} onOpenChange={(open) => !open && onCancel()} isDismissable className="modal" >
      <Dialog role="alertdialog" className="dialog">
        <Heading slot="title" className="dialog-title">
          {title}
        </Heading>
        <p>{body}</p>
        <div className="dialog-actions">
          <Button className="button" onPress={onCancel} autoFocus>
            {cancelLabel}
          </Button>
          <Button className={isDestructive ? 'button button-danger' : 'button button-primary'} onPress={onConfirm}>
            {confirmLabel}
          </Button>
        </div>
      </Dialog>
    </Modal>
  );
}
