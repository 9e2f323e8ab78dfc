import '../../locales/dispatch.ts';

// Placeholder: the dispatch board (issue 5), built by the board's brief.
export default function DispatchBoardPage() {
  return null;
}
