// PLACEHOLDER: fault codes (reports module)
export default function Page() {
  return null;
}
