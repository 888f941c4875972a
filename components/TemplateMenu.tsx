import type { Template } from '../utils/model/template';
import { t } from '../utils/i18n';


type Props = { id: string; templates: Template[]; active: number; onPick: (template: Template) => void };

/**
 * The `/` search results under the composer: a listbox the textarea drives (arrow keys move,
 * Enter or Tab inserts, Escape closes), so the agent never leaves the keyboard. Clicking works too.
 */
export function TemplateMenu({ id, templates, active, onPick }: Props) {
  if (templates.length === 0) {
    return (
      <p id={id} class="templates templates--empty" role="status">
        {t('templates_none')}
      </p>
    );
  }
  return (
    <ul id={id} class="templates" role="listbox" aria-label={t('templates')}>
      {templates.map((template, index) => (
        <li
          key={template.id}
          id={`${id}-${index}`}
          role="option"
          class="templates__option"
          aria-selected={index === active}
          // mousedown, not click: the textarea must keep focus and its caret.
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(template);
          }}
        >
          <span class="templates__title">{template.name}</span>
          <span class="templates__scope">{template.scope === 'shared' ? t('templates_shared') : t('templates_personal')}</span>
          <span class="templates__body">{template.body}</span>
        </li>
      ))}
    </ul>
  );
}
