import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findNumbers, numberFromTelHref, scanForNumbers } from '../../utils/crm/detect';
import { showPage } from '../setup/page';

beforeEach(() => {
  fakeBrowser.reset();
  document.body.replaceChildren();
});

describe('phone number detection', () => {
  it('finds valid numbers and ignores order ids, dates and amounts', () => {
    expect(findNumbers('Mobile (503) 555-0142, home +1 503 555 0177').map((n) => n.e164)).toEqual(['+15035550142', '+15035550177']);
    expect(findNumbers('Order #48213-77 placed on 2026-11-02 (total $129.90).')).toEqual([]);
  });

  it('reads tel: links', () => {
    expect(numberFromTelHref('tel:+44%2020%207946%200958')).toEqual({ e164: '+442079460958', formatted: '+442079460958' });
    expect(numberFromTelHref('tel:+15035550188', '(503) 555-0188')).toEqual({ e164: '+15035550188', formatted: '(503) 555-0188' });
    expect(numberFromTelHref('tel:12')).toBeNull();
  });

  it('splits text right after each number and never reports a node twice', () => {
    showPage(`<dl><dd class="phone">Call (503) 555-0142 or +1 503 555 0177 today</dd></dl>
      <textarea>(503) 555-0199</textarea><a href="tel:+15035550188">(503) 555-0188</a>`);
    const seen = new WeakSet<Node>();
    const spots = scanForNumbers(document.body, seen);
    expect(spots.map((s) => s.hit.e164)).toEqual(['+15035550188', '+15035550142', '+15035550177']);
    expect(spots.map((s) => s.after.textContent)).toEqual(['(503) 555-0188', 'Call (503) 555-0142', ' or +1 503 555 0177']);
    // The page still reads the same.
    expect(document.querySelector('dd')!.textContent).toBe('Call (503) 555-0142 or +1 503 555 0177 today');
    expect(scanForNumbers(document.body, seen)).toEqual([]);
  });

  it('leaves code, fields, editors, tel: links and our own elements alone, wherever the number sits inside them', () => {
    showPage(`<script>var x = "(503) 555-0101"</script><select><option>(503) 555-0102</option></select>
      <div contenteditable="true"><p>(503) 555-0103</p></div><div contenteditable=""><b>(503) 555-0104</b></div>
      <div contenteditable="TRUE">(503) 555-0105</div><div contenteditable="false">(503) 555-0106</div>
      <a href="tel:+15035550107"><span>(503) 555-0107</span></a><a href="/cases/1">(503) 555-0108</a>
      <parley-sms>(503) 555-0109</parley-sms><noscript>(503) 555-0110</noscript>`);
    // The tel: link is a spot of its own; of the text, only what no skipped element holds.
    expect(scanForNumbers(document.body, new WeakSet()).map((spot) => spot.hit.e164)).toEqual(['+15035550107', '+15035550106', '+15035550108']);
  });
});
