import '../../locales/dispatch.ts';

// Placeholder: shifts and leave (issue 5), built by the working-time brief.
export default function WorkingTimePage() {
  return null;
}
