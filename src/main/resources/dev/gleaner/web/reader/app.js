// The reader's keyboard, and marking without a reload. Every page works without it: lists are
// links, marks are forms; this only saves the round trips.
(() => {
  'use strict';
  const csrf = document.querySelector('meta[name=csrf]')?.content ?? '';
  const rows = () => Array.from(document.querySelectorAll('#entries .entry'));
  const article = document.getElementById('entry');
  let selected = -1;
  let prefix = '';

  function select(index) {
    const all = rows();
    if (all.length === 0) return;
    selected = Math.max(0, Math.min(all.length - 1, index));
    all.forEach((row, i) => row.classList.toggle('selected', i === selected));
    all[selected].scrollIntoView({block: 'nearest'});
  }

  function current() {
    if (article) return article;
    return rows()[selected] ?? null;
  }

  async function post(path, field, value) {
    const body = new URLSearchParams({[field]: value});
    const answer = await fetch(path, {method: 'POST', body, headers: {'X-CSRF-Token': csrf}});
    if (!answer.ok) throw new Error(path + ': ' + answer.status);
    return answer.json();
  }

  async function toggleRead(item) {
    const state = await post('/app/entries/' + item.dataset.id + '/read', 'read',
      item.classList.contains('read') ? 'false' : 'true');
    item.classList.toggle('read', state.read);
    item.classList.toggle('unread', !state.read);
    const button = document.getElementById('toggle-read');
    if (button && article) {
      button.textContent = state.read ? '保持未读' : '标为已读';
      button.form.elements.read.value = state.read ? 'false' : 'true';
    }
  }

  async function toggleStar(item) {
    const state = await post('/app/entries/' + item.dataset.id + '/star', 'starred',
      item.classList.contains('starred') ? 'false' : 'true');
    item.classList.toggle('starred', state.starred);
    const button = document.getElementById('toggle-star');
    if (button && article) {
      button.textContent = state.starred ? '去星' : '加星';
      button.form.elements.starred.value = state.starred ? 'false' : 'true';
    }
  }

  function go(id) {
    const link = document.getElementById(id);
    if (link) location.href = link.href;
  }

  const help = document.getElementById('help');

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest('input, textarea, select, button')) {
      if (event.key === 'Escape') event.target.blur();
      return;
    }
    const key = event.key;
    if (prefix === 'g') {
      prefix = '';
      if (key === 'u') location.href = document.getElementById('view-unread').href;
      else if (key === 's') location.href = document.getElementById('view-starred').href;
      else if (key === 'a') location.href = document.getElementById('view-all').href;
      event.preventDefault();
      return;
    }
    const item = current();
    switch (key) {
      case 'g': prefix = 'g'; break;
      case 'j': article ? go('next') : select(selected + 1); break;
      case 'k': article ? go('previous') : select(selected - 1); break;
      case 'o': case 'Enter': if (!article && item) location.href = item.dataset.href; break;
      case 'v': if (item && item.dataset.url) window.open(item.dataset.url, '_blank', 'noopener'); break;
      case 'm': if (item) toggleRead(item); break;
      case 's': if (item) toggleStar(item); break;
      case 'A': document.getElementById('mark-all')?.requestSubmit(); break;
      case '/': document.getElementById('search')?.focus(); break;
      case 'u': if (article) go('back'); break;
      case '?': if (help) help.hidden = !help.hidden; break;
      case 'Escape': if (help) help.hidden = true; break;
      default: return;
    }
    event.preventDefault();
  });
})();
