export { default } from '../../../../messages/staff/en.json';
