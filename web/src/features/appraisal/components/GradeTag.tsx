// The grade tag lives with the status tags; this name is kept for imports by file.
export { GradeTag } from './StatusTag.tsx';
