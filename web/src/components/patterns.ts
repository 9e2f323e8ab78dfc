/** What the server accepts as a phone number: digits, spaces and + - ( ). */
export const PHONE_PATTERN = /^[0-9+\-() ]*$/;
