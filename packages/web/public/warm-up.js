// Runs on its own while the app's code is still on its way. The first date formatter a page makes pays for loading
// the calendar and time zone data: tens of milliseconds, four times that on a slow phone. Paid here, while the
// browser only waits for the network, it stays out of the first render of a page with dates (format.ts).
new Intl.DateTimeFormat().format(0);
