// Ride-along notebook: everything typed is written to localStorage first and sent to the server from there.
// With Blazor Server a dropped connection means input events never reach the server, so this module owns the
// note input, the tags, the scores and the long texts; it re-sends what is pending when the connection returns
// or the page is reloaded. Each note carries its own id, so a re-send updates instead of duplicating.
// When the page is hidden or closed, what is still queued goes at once by fetch keepalive to the notebook endpoint
// (the same save as over the circuit), so a note typed just before the tab closes is not left in this browser only.

const PREFIX = 'salescockpit.ridealong.';
const FLUSH_DELAY_MS = 300;
const TEXT_DELAY_MS = 800;
const RETRY_MS = 3000;
const CALL_TIMEOUT_MS = 10000;

function newId() {
    if (crypto.randomUUID) {
        return crypto.randomUUID();
    }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function withTimeout(promise, ms) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('timeout')), ms);
        promise.then(value => { clearTimeout(timer); resolve(value); }, error => { clearTimeout(timer); reject(error); });
    });
}

function format(template, ...args) {
    return template.replace(/\{(\d+)\}/g, (_, i) => args[Number(i)] ?? '');
}

class Notebook {
    constructor(root, dotnet, options) {
        this.root = root;
        this.dotnet = dotnet;
        this.options = options;
        this.storageKey = PREFIX + options.key;
        this.inflight = false;
        this.circuitDown = false;
        this.failed = false;
        this.lastSaved = null;
        // Keys the server refused (a text over the limit): the status must not say "saved" while any is outstanding.
        this.refusedKeys = new Set();
        this.timer = null;
        this.textTimers = {};
        this.listeners = [];
        // What a beacon is carrying now (key -> rev): hidden and then closed is two events for one batch.
        this.beaconing = new Map();
    }

    start() {
        this.root.dataset.notebook = 'ready';
        const input = this.noteInput();
        if (input) {
            const state = this.load();
            if (state.draft && !input.value) {
                input.value = state.draft;
            }
            this.on(input, 'keydown', event => this.onNoteKey(event));
            // The note field is where a coach types on arrival; never take focus from a field already in use.
            if (this.options.canNote && !document.activeElement?.closest?.('input, textarea, select, [contenteditable], [role=dialog]')) {
                input.focus();
            }
            this.on(input, 'input', () => this.update(state => { state.draft = input.value; }));
        }

        this.on(this.root, 'keydown', event => this.onKey(event));
        this.on(this.root, 'click', event => this.onClick(event));
        this.on(this.root, 'input', event => {
            const field = event.target?.dataset?.autosaveField;
            if (field) {
                this.queueText(field, event.target.value);
            }
        });
        this.restoreTexts();
        this.on(window, 'online', () => { this.render(); this.flush(); });
        this.on(document, 'visibilitychange', () => { if (document.visibilityState === 'hidden') { this.sendBeforeLeaving(); } });
        this.on(window, 'pagehide', () => this.sendBeforeLeaving());
        this.on(window, 'offline', () => this.render());
        const reconnect = document.getElementById('components-reconnect-modal');
        if (reconnect) {
            this.on(reconnect, 'components-reconnect-state-changed', event => {
                this.circuitDown = event.detail?.state !== 'hide';
                this.render();
                if (!this.circuitDown) {
                    this.flush();
                }
            });
        }
        this.applyTag();
        this.applyScores();
        this.render();
        this.flush();
    }

    dispose() {
        delete this.root.dataset.notebook;
        this.disposed = true;
        clearTimeout(this.timer);
        Object.values(this.textTimers).forEach(clearTimeout);
        this.listeners.forEach(([target, type, handler]) => target.removeEventListener(type, handler));
        this.listeners = [];
    }

    on(target, type, handler) {
        target.addEventListener(type, handler);
        this.listeners.push([target, type, handler]);
    }

    noteInput() {
        return this.root.querySelector('[data-note-input]');
    }

    load() {
        try {
            const state = JSON.parse(localStorage.getItem(this.storageKey) ?? '{}');
            return { items: state.items ?? {}, draft: state.draft ?? '', tag: state.tag ?? null, rev: state.rev ?? 0 };
        } catch {
            return { items: {}, draft: '', tag: null, rev: 0 };
        }
    }

    update(change) {
        const state = this.load();
        change(state);
        const empty = Object.keys(state.items).length === 0 && !state.draft && !state.tag;
        if (empty) {
            localStorage.removeItem(this.storageKey);
        } else {
            localStorage.setItem(this.storageKey, JSON.stringify(state));
        }
        return state;
    }

    enqueue(item) {
        this.update(state => {
            state.rev += 1;
            state.items[item.key] = { ...item, rev: state.rev };
        });
        this.render();
        this.schedule(FLUSH_DELAY_MS);
    }

    onNoteKey(event) {
        // Enter while an input method is composing (pinyin) picks a candidate; it does not add the note.
        if (event.key !== 'Enter' || event.isComposing || event.keyCode === 229 || event.shiftKey) {
            return;
        }
        event.preventDefault();
        const input = event.target;
        const text = input.value.trim();
        if (!text || !this.options.canNote) {
            return;
        }
        const tag = this.load().tag;
        const id = newId();
        input.value = '';
        this.update(state => { state.draft = ''; state.tag = null; });
        this.enqueue({ key: id, kind: 'note', id, text: text.slice(0, this.options.noteMaxLength), tag, takenAt: new Date().toISOString() });
        this.applyTag();
    }

    onKey(event) {
        if (event.altKey && !event.ctrlKey && !event.metaKey && /^Digit[1-5]$/.test(event.code) && this.options.canNote) {
            event.preventDefault();
            this.toggleTag(Number(event.code.slice(5)));
            return;
        }
        const row = event.target?.closest?.('[data-score-skill]');
        if (!row || event.altKey || event.ctrlKey || event.metaKey) {
            return;
        }
        const current = this.scoreOf(row);
        if (/^[1-5]$/.test(event.key)) {
            this.setScore(row, Number(event.key));
        } else if (event.key === '0' || event.key === 'Delete' || event.key === 'Backspace') {
            this.setScore(row, null);
        } else if (event.key === 'ArrowRight') {
            this.setScore(row, Math.min(5, (current ?? 0) + 1));
        } else if (event.key === 'ArrowLeft') {
            this.setScore(row, Math.max(1, (current ?? 2) - 1));
        } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            const rows = [...this.root.querySelectorAll('[data-score-skill]')];
            const next = rows[rows.indexOf(row) + (event.key === 'ArrowDown' ? 1 : -1)];
            next?.focus();
        } else {
            return;
        }
        event.preventDefault();
    }

    onClick(event) {
        const tag = event.target?.closest?.('[data-tag]');
        if (tag && this.root.contains(tag)) {
            this.toggleTag(Number(tag.dataset.tag));
            this.noteInput()?.focus();
            return;
        }
        const button = event.target?.closest?.('[data-score]');
        const row = button?.closest('[data-score-skill]');
        if (row) {
            const score = Number(button.dataset.score);
            this.setScore(row, this.scoreOf(row) === score ? null : score);
            row.focus();
        }
    }

    toggleTag(tag) {
        this.update(state => { state.tag = state.tag === tag ? null : tag; });
        this.applyTag();
    }

    applyTag() {
        const tag = this.load().tag;
        this.root.querySelectorAll('[data-tag]').forEach(button => {
            const active = Number(button.dataset.tag) === tag;
            button.classList.toggle('sc-active', active);
            button.setAttribute('aria-pressed', active ? 'true' : 'false');
        });
    }

    scoreOf(row) {
        const pending = this.load().items[`score:${row.dataset.scoreSkill}`];
        if (pending) {
            return pending.score;
        }
        const value = row.dataset.scoreValue;
        return value ? Number(value) : null;
    }

    setScore(row, score) {
        const skillId = Number(row.dataset.scoreSkill);
        this.enqueue({ key: `score:${skillId}`, kind: 'score', skillId, score });
        this.applyScores();
    }

    applyScores() {
        this.root.querySelectorAll('[data-score-skill]').forEach(row => {
            const score = this.scoreOf(row);
            row.querySelectorAll('[data-score]').forEach(button => {
                const active = Number(button.dataset.score) === score;
                button.classList.toggle('sc-active', active);
                button.setAttribute('aria-pressed', active ? 'true' : 'false');
            });
        });
    }

    queueText(field, value) {
        clearTimeout(this.textTimers[field]);
        // Stored at once (a reload keeps it); sent after a short pause in typing.
        this.update(state => {
            state.rev += 1;
            state.items[`text:${field}`] = { key: `text:${field}`, kind: 'text', field, text: value, rev: state.rev, waiting: true };
        });
        this.render();
        this.textTimers[field] = setTimeout(() => {
            this.update(state => {
                const item = state.items[`text:${field}`];
                if (item) {
                    delete item.waiting;
                }
            });
            this.flush();
        }, TEXT_DELAY_MS);
    }

    restoreTexts() {
        const items = this.load().items;
        this.root.querySelectorAll('[data-autosave-field]').forEach(element => {
            const pending = items[`text:${element.dataset.autosaveField}`];
            if (pending && element.value !== pending.text) {
                element.value = pending.text;
            }
            delete pending?.waiting;
        });
        this.update(state => Object.values(state.items).forEach(item => delete item.waiting));
    }

    schedule(delay) {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.flush(), delay);
    }

    isOffline() {
        return !navigator.onLine || this.circuitDown;
    }

    async flush() {
        if (this.inflight || this.disposed) {
            return;
        }
        const items = Object.values(this.load().items).filter(item => !item.waiting);
        if (items.length === 0) {
            this.render();
            return;
        }
        if (this.isOffline()) {
            this.render();
            this.schedule(RETRY_MS);
            return;
        }
        this.inflight = true;
        this.render();
        try {
            const result = await withTimeout(this.dotnet.invokeMethodAsync('SaveQueuedAsync', items.map(({ rev, waiting, ...change }) => change)), CALL_TIMEOUT_MS);
            this.settle(items, result);
        } catch {
            this.failed = true;
        } finally {
            this.inflight = false;
        }
        this.render();
        if (Object.keys(this.load().items).length > 0) {
            this.schedule(this.failed ? RETRY_MS : FLUSH_DELAY_MS);
        }
    }

    /** Forgets what the server dealt with; "saved" shows only after such an answer, and only when nothing was refused. */
    settle(items, result) {
        const dealt = new Set([...(result?.done ?? []), ...(result?.refused ?? [])]);
        this.update(state => {
            for (const sent of items) {
                // Only forget what was sent unchanged: a text edited during the call goes again.
                if (dealt.has(sent.key) && state.items[sent.key]?.rev === sent.rev) {
                    delete state.items[sent.key];
                }
            }
        });
        (result?.done ?? []).forEach(key => this.refusedKeys.delete(key));
        (result?.refused ?? []).forEach(key => this.refusedKeys.add(key));
        this.lastSaved = new Date();
        this.failed = false;
    }

    /**
     * The page is being hidden or closed: the pause before sending is over, and the circuit may not live long enough to
     * send. What is queued goes now over plain HTTP with keepalive, which outlives the page; it stays queued here until an
     * answer says it was dealt with. A change already on its way in a beacon is not sent again.
     */
    sendBeforeLeaving() {
        const beacon = this.options.beacon;
        if (this.disposed || !beacon) {
            return;
        }
        Object.values(this.textTimers).forEach(clearTimeout);
        this.update(state => Object.values(state.items).forEach(item => delete item.waiting));
        const items = Object.values(this.load().items).filter(item => this.beaconing.get(item.key) !== item.rev);
        if (items.length === 0) {
            return;
        }
        items.forEach(item => this.beaconing.set(item.key, item.rev));
        const done = () => items.forEach(item => { if (this.beaconing.get(item.key) === item.rev) { this.beaconing.delete(item.key); } });
        let request;
        try {
            request = fetch(beacon.url, {
                method: 'POST',
                keepalive: true,
                credentials: 'same-origin',
                body: new URLSearchParams({ [beacon.field]: beacon.token, changes: JSON.stringify(items.map(({ rev, waiting, ...change }) => change)) }),
            });
        } catch {
            done();
            return;
        }
        request
            .then(response => response.ok ? response.json() : Promise.reject(new Error(String(response.status))))
            .then(result => { done(); if (!this.disposed) { this.settle(items, result); this.render(); } })
            .catch(() => { done(); if (!this.disposed) { this.schedule(RETRY_MS); } });
    }

    /** Sends everything now (before completing): resolves true when nothing is left pending. */
    async flushNow() {
        this.update(state => Object.values(state.items).forEach(item => delete item.waiting));
        Object.values(this.textTimers).forEach(clearTimeout);
        while (this.inflight) {
            await new Promise(resolve => setTimeout(resolve, 50));
        }
        await this.flush();
        return Object.keys(this.load().items).length === 0;
    }

    render() {
        if (this.disposed) {
            return;
        }
        const strings = this.options.strings;
        const items = Object.values(this.load().items);
        const offline = this.isOffline() || this.failed;
        const status = this.root.querySelector('[data-save-status]');
        if (status) {
            const state = offline ? 'offline' : (this.inflight || items.length) ? 'saving' : this.refusedKeys.size ? 'refused' : 'saved';
            let text;
            if (state === 'offline') {
                text = items.length ? format(items.length === 1 ? strings.offlinePendingOne : strings.offlinePending, items.length) : strings.offline;
            } else if (state === 'saving') {
                text = strings.saving;
            } else if (state === 'refused') {
                text = strings.refused;
            } else if (this.lastSaved) {
                text = format(strings.saved, this.lastSaved.toLocaleTimeString(this.options.locale, { hour: 'numeric', minute: '2-digit', second: '2-digit', timeZone: this.options.timeZone }));
            } else {
                text = this.options.savedInitially ? format(strings.saved, this.options.savedInitially) : strings.nothingYet;
            }
            status.textContent = text;
            status.dataset.state = state;
        }
        this.root.querySelectorAll('[data-offline-banner]').forEach(banner => banner.classList.toggle('sc-visible', offline));

        const list = this.root.querySelector('[data-pending-notes]');
        if (list) {
            const notes = items.filter(item => item.kind === 'note').sort((a, b) => b.takenAt.localeCompare(a.takenAt));
            list.replaceChildren(...notes.map(note => {
                const li = document.createElement('li');
                li.className = 'sc-note sc-note-pending';
                li.dataset.pendingNote = note.id;
                const time = document.createElement('span');
                time.className = 'sc-note-time';
                time.textContent = new Date(note.takenAt).toLocaleTimeString(this.options.locale, { hour: 'numeric', minute: '2-digit', timeZone: this.options.timeZone });
                li.append(time);
                if (note.tag) {
                    const tag = document.createElement('span');
                    tag.className = `sc-note-tag sc-tag-${note.tag}`;
                    tag.textContent = this.options.tagLabels[note.tag] ?? '';
                    li.append(tag);
                }
                const text = document.createElement('span');
                text.className = 'sc-note-text';
                text.textContent = note.text;
                const kept = document.createElement('span');
                kept.className = 'sc-note-kept';
                kept.textContent = strings.keptHere;
                li.append(text, kept);
                return li;
            }));
        }
        this.root.querySelectorAll('[data-notes-empty]').forEach(empty => empty.classList.toggle('sc-hidden', items.some(item => item.kind === 'note')));
    }
}

export function attach(root, dotnet, options) {
    const notebook = new Notebook(root, dotnet, options);
    notebook.start();
    return notebook;
}
