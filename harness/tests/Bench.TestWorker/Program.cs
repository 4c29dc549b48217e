// Dummy child for supervision tests; behaviours are chosen by the first argument.
return 0;
