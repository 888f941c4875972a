/**
 * Appends a transcript to the case's note field, the way typing would: the CRM's own scripts see
 * an input event and keep the text when the agent saves. Plain text only: a rich-text editor gets
 * text nodes, never markup.
 */
export function appendToNoteField(field: Element, text: string): void {
  if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
    field.value = field.value.trim() ? `${field.value.replace(/\s+$/, '')}\n\n${text}` : text;
  } else if (field instanceof HTMLElement && field.isContentEditable) {
    for (const line of text.split('\n')) {
      const paragraph = field.ownerDocument.createElement('p');
      paragraph.textContent = line;
      field.append(paragraph);
    }
  } else {
    return;
  }
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  (field as HTMLElement).focus();
}
