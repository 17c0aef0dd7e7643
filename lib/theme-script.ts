// Runs before paint: applies the saved theme (or the system's) so there is no
// flash. Inline, so the Content-Security-Policy allows it by its hash.
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem('stratus-theme');if(t!=='light'&&t!=='dark'){t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}document.documentElement.dataset.theme=t}catch(e){}})()`;
