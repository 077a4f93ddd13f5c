process.stdout.write('mainline\n');
