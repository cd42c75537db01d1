// Runs before the page paints (loaded without defer): lets CSS know JavaScript is available.
document.documentElement.classList.add("sa-js-enabled");
