// Blazor's default reconnect overlay covers the page. The app shows a slim banner instead (see App.razor), so people can keep
// typing: the ride-along notebook keeps what they type in the browser. A circuit the server no longer knows reloads the page.
const banner = document.getElementById('components-reconnect-modal');

async function reconnect() {
    try {
        if (!(await Blazor.reconnect())) {
            location.reload();
        }
    } catch {
        // Still offline: Blazor keeps the failed state and the button stays.
    }
}

if (banner) {
    banner.addEventListener('components-reconnect-state-changed', event => {
        if (event.detail?.state === 'rejected') {
            location.reload();
        }
    });
    banner.querySelector('[data-reconnect-retry]')?.addEventListener('click', reconnect);
    window.addEventListener('online', () => {
        if (banner.classList.contains('components-reconnect-failed')) {
            reconnect();
        }
    });
}
