<?php

namespace Database\Seeders;

use App\Models\User;
use Illuminate\Database\Console\Seeds\WithoutModelEvents;
use Illuminate\Database\Seeder;

// The kit's overlay: the skeleton's seeder, with the test user's e-mail and
// password from the environment provisioning sets (TEST_USER_EMAIL,
// TEST_USER_PASSWORD) instead of the factory's fixed ones.
class DatabaseSeeder extends Seeder
{
    use WithoutModelEvents;

    public function run(): void
    {
        User::factory()->create([
            'name' => 'Test User',
            'email' => env('TEST_USER_EMAIL', 'test@example.com'),
            'password' => env('TEST_USER_PASSWORD', 'password'),
        ]);
    }
}
